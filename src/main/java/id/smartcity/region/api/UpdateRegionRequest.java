package id.smartcity.region.api;

import id.smartcity.region.RegionType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The writable state of a region. A PATCH is a JSON Merge Patch of this: send only the members to
 * change; {@code null} clears an optional member. {@code code} is the identity and read-only.
 */
@Schema(name = "UpdateRegionRequest")
public record UpdateRegionRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Kabupaten Purbalingga", maxLength = 200)
        String name,

        @NotNull RegionType type,

        @NotBlank @Size(max = 100) @Schema(examples = "Jawa Tengah", maxLength = 100)
        String province,

        @Min(2017) @Max(2100) @Schema(examples = "2024") Integer cohortYear,
        @Size(max = 3) @Schema(maxItems = 3) List<@NotNull @Valid BodyEntry> smartCityBodies,
        @Size(max = 6) @Schema(maxItems = 6) List<@NotNull @Valid CoordinatorEntry> dimensionCoordinators) {}
