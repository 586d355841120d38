package id.smartcity.region.api;

import id.smartcity.dimension.DimensionCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DimensionCoordinator", description = "The agency (OPD) that coordinates one dimension")
public record CoordinatorEntry(
        @NotNull DimensionCode dimension,

        @NotBlank @Size(max = 200) @Schema(examples = "Dinas Komunikasi dan Informatika", maxLength = 200)
        String agency) {}
