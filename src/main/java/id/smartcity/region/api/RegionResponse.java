package id.smartcity.region.api;

import id.smartcity.region.RegionType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Region", description = "A kabupaten or kota taking part in the Smart City movement")
public record RegionResponse(
        @Schema(examples = "33.03") String code,
        @Schema(examples = "Kabupaten Purbalingga") String name,
        RegionType type,
        @Schema(examples = "Jawa Tengah") String province,
        @Schema(examples = "2024") Integer cohortYear,
        List<BodyEntry> smartCityBodies,
        List<CoordinatorEntry> dimensionCoordinators,

        @Schema(description = "Version, also sent as the ETag", examples = "3")
        long version,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
