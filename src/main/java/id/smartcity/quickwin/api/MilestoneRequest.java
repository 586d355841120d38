package id.smartcity.quickwin.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a milestone. */
@Schema(name = "MilestoneRequest")
public record MilestoneRequest(
        @NotBlank @Size(max = 200) @Schema(maxLength = 200) String title,

        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 6, fraction = 3) @Schema(examples = "2")
        BigDecimal weight,

        @NotNull @Schema(examples = "2025-03-31") LocalDate dueDate,

        @Schema(description = "Done; then doneDate is required")
        Boolean done,

        LocalDate doneDate) {}
