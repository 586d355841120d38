package id.smartcity.region.api;

import id.smartcity.platform.security.RegionCodes;
import id.smartcity.region.RegionType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateRegionRequest")
public record CreateRegionRequest(
        @NotNull
        @Pattern(regexp = RegionCodes.PATTERN, message = RegionCodes.MESSAGE)
        @Schema(examples = "33.03", pattern = RegionCodes.PATTERN, maxLength = 5, required = true)
        String code,

        @NotBlank @Size(max = 200) @Schema(examples = "Kabupaten Purbalingga", maxLength = 200, required = true)
        String name,

        @NotNull @Schema(required = true) RegionType type,

        @NotBlank @Size(max = 100) @Schema(examples = "Jawa Tengah", maxLength = 100, required = true)
        String province,

        @Min(2017) @Max(2100) @Schema(description = "Year the region joined the national movement", examples = "2024")
        Integer cohortYear,

        @Size(max = 3) @Schema(maxItems = 3) List<@NotNull @Valid BodyEntry> smartCityBodies,
        @Size(max = 6) @Schema(maxItems = 6) List<@NotNull @Valid CoordinatorEntry> dimensionCoordinators) {}
