package id.smartcity.masterplan.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An output indicator of a program with its targets per year. */
@Schema(name = "OutputIndicator")
public record OutputIndicator(
        @NotBlank @Size(max = 200) @Schema(examples = "Layanan perizinan daring", maxLength = 200)
        String name,

        @NotBlank @Size(max = 50) @Schema(examples = "layanan", maxLength = 50)
        String unit,

        @Size(max = 10) @Schema(description = "Targets per year, within the program's years", maxItems = 10)
        List<@NotNull @Valid Target> targets) {

    /** The target of one year. */
    @Schema(name = "OutputIndicatorTarget")
    public record Target(
            @NotNull @Min(2017) @Max(2100) @Schema(examples = "2025", minimum = "2017", maximum = "2100")
            Integer year,

            @NotNull @Digits(integer = 14, fraction = 4) @Schema(examples = "25")
            BigDecimal value) {}
}
