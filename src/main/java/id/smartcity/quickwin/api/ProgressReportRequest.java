package id.smartcity.quickwin.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A progress report to file. */
@Schema(name = "ProgressReportRequest")
public record ProgressReportRequest(
        @NotNull LocalDate reportDate,

        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) @Schema(examples = "40")
        BigDecimal percent,

        @Size(max = 4000) @Schema(maxLength = 4000) String narrative,

        @Pattern(regexp = QuickWinFormats.MONEY, message = "must be an amount in IDR such as 2560783220.00")
        @Schema(
                description = "IDR spent in the period it reports on",
                examples = "150000000.00",
                pattern = QuickWinFormats.MONEY,
                maxLength = 19)
        String budgetRealised) {}
