package id.smartcity.readiness.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FrameworkVersion", description = "One version of a scoring framework")
public record FrameworkVersionResponse(
        @Schema(examples = "READINESS") String code,
        @Schema(examples = "1") int version,
        Name name,
        String description,
        FrameworkDefinition definition,
        @Schema(description = "The bands with both bounds") List<BandResponse> bands,

        @Schema(description = "True once an assessment uses it: then it never changes")
        boolean inUse,

        @Schema(description = "Row version, also the ETag") long rowVersion,
        OffsetDateTime createdAt) {

    @Schema(name = "FrameworkBand")
    public record BandResponse(
            BigDecimal lowerBound,
            BigDecimal upperBound,

            @Schema(description = "Whether upperBound belongs to the band (only for the last, 5.0)")
            boolean upperInclusive,

            Name predicate) {}
}
