package id.smartcity.readiness.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A named level of a framework and the scores it names: from ≤ score ≤ to. */
@Schema(name = "FrameworkLevel")
public record FrameworkLevel(
        @NotBlank @Size(max = 100) @Schema(examples = "Terdefinisi", maxLength = 100)
        String name,

        @NotNull
        @DecimalMin("0")
        @DecimalMax("1000")
        @Digits(integer = 4, fraction = 4)
        @Schema(examples = "3.0", minimum = "0", maximum = "1000")
        BigDecimal from,

        @NotNull
        @DecimalMin("0")
        @DecimalMax("1000")
        @Digits(integer = 4, fraction = 4)
        @Schema(examples = "3.9", minimum = "0", maximum = "1000")
        BigDecimal to) {}
