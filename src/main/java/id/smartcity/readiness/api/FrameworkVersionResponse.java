package id.smartcity.readiness.api;

import id.smartcity.platform.openapi.SchemaLimits;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FrameworkVersion", description = "One version of a scoring framework")
public record FrameworkVersionResponse(
        @Schema(examples = "READINESS", pattern = FrameworkDefinition.CODE, maxLength = 40)
        String code,

        @Schema(examples = "1", minimum = "1", maximum = SchemaLimits.INT32_MAX)
        int version,

        LocalizedName name,
        @Schema(maxLength = 2000) String description,
        FrameworkDefinition definition,

        @Schema(description = "The bands with both bounds", maxItems = 10)
        List<BandResponse> bands,

        @Schema(description = "True once an assessment uses it: then it never changes")
        boolean inUse,

        @Schema(description = "Row version, also the ETag", minimum = "0", maximum = SchemaLimits.INT64_MAX)
        long rowVersion,

        OffsetDateTime createdAt) {

    @Schema(name = "FrameworkBand")
    public record BandResponse(
            BigDecimal lowerBound,
            BigDecimal upperBound,

            @Schema(description = "Whether upperBound belongs to the band (only for the last, 5.0)")
            boolean upperInclusive,

            LocalizedName predicate) {}
}
