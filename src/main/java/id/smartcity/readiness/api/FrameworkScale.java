package id.smartcity.readiness.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The scale of a framework version: the lowest and highest score, how many decimals a score may
 * carry, and how the index is shown. Without one, a version has the scale every version had before
 * scales were data: 1 to 5, one decimal, the index shown half-up to two decimals.
 */
@Schema(
        name = "FrameworkScale",
        description = "Scores lie in [min, max] with at most `decimals` decimals; the index is shown to"
                + " index.decimals under index.rounding. Absent: 1-5, one decimal, index half-up to 2 decimals.")
public record FrameworkScale(
        @NotNull
        @DecimalMin("0")
        @DecimalMax("1000")
        @Digits(integer = 4, fraction = 4)
        @Schema(examples = "0", minimum = "0", maximum = "1000")
        BigDecimal min,

        @NotNull
        @DecimalMin("0")
        @DecimalMax("1000")
        @Digits(integer = 4, fraction = 4)
        @Schema(examples = "5", minimum = "0", maximum = "1000")
        BigDecimal max,

        @NotNull @Min(0) @Max(MAX_DECIMALS) @Schema(description = "Decimals a score may carry", examples = "2")
        Integer decimals,

        @Valid @Schema(description = "How the index is shown; absent: two decimals, half-up")
        Index index) {

    public static final int MAX_DECIMALS = 4;

    /** The scale of every version made before scales were data. */
    public static final FrameworkScale LEGACY =
            new FrameworkScale(new BigDecimal("1.0"), new BigDecimal("5.0"), 1, Index.LEGACY);

    @Schema(name = "FrameworkIndexRounding")
    public record Index(
            @NotNull @Min(0) @Max(MAX_DECIMALS) @Schema(description = "Decimals of the shown index", examples = "2")
            Integer decimals,

            @NotNull IndexRounding rounding) {

        public static final Index LEGACY = new Index(2, IndexRounding.HALF_UP);
    }

    /** The same scale with the index rule filled in. */
    public FrameworkScale complete() {
        return index == null ? new FrameworkScale(min, max, decimals, Index.LEGACY) : this;
    }

    /** "at most 2 decimals on a 0–5 scale" */
    public String describe() {
        return "at most " + decimals + (decimals == 1 ? " decimal" : " decimals") + " on a " + plain(min) + "–"
                + plain(max) + " scale";
    }

    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
