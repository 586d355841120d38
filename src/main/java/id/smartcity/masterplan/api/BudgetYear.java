package id.smartcity.masterplan.api;

import id.smartcity.quickwin.api.QuickWinFormats;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The indicative budget of one year, IDR exact (shown with two decimals). */
@Schema(name = "BudgetYear")
public record BudgetYear(
        @NotNull @Min(2017) @Max(2100) @Schema(examples = "2025", minimum = "2017", maximum = "2100")
        Integer year,

        @NotNull
        @Pattern(regexp = QuickWinFormats.MONEY, message = "must be an amount in IDR such as 2560783220.00")
        @Schema(examples = "750000000.00", pattern = QuickWinFormats.MONEY, maxLength = 19)
        String amount) {}
