package id.smartcity.region.api;

import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.platform.security.RegionCodes;
import id.smartcity.region.RegionType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Region", description = "A kabupaten or kota taking part in the Smart City movement")
public record RegionResponse(
        @Schema(examples = "33.03", pattern = RegionCodes.PATTERN, maxLength = 5)
        String code,

        @Schema(examples = "Kabupaten Purbalingga", maxLength = 200)
        String name,

        RegionType type,
        @Schema(examples = "Jawa Tengah", maxLength = 100) String province,

        @Schema(examples = "2024", minimum = "2017", maximum = "2100")
        Integer cohortYear,

        @Schema(maxItems = 3) List<BodyEntry> smartCityBodies,
        @Schema(maxItems = 6) List<CoordinatorEntry> dimensionCoordinators,

        @Schema(
                description = "Version, also sent as the ETag",
                examples = "3",
                minimum = "0",
                maximum = SchemaLimits.INT64_MAX)
        long version,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
