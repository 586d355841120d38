package id.smartcity.masterplan.api;

import id.smartcity.dimension.DimensionCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One goal of a dimension. */
@Schema(name = "MasterplanGoal")
public record GoalItem(
        @NotNull DimensionCode dimension,

        @NotBlank @Size(max = 1000) @Schema(examples = "Seluruh layanan perizinan tersedia daring", maxLength = 1000)
        String text) {}
