package id.smartcity.platform.http;

import id.smartcity.platform.openapi.SchemaLimits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A computed number as the API shows it: {@code value} rounded half-up to two decimals (the only
 * place anything is rounded) and {@code exact}, the computed value with at most 20 decimals. Both
 * are strings of decimals, so no client turns them into binary floating point on the way.
 */
@Schema(name = "ExplainedDecimal")
public record ExactDecimal(
        @Schema(
                description = "Rounded half-up to two decimals",
                examples = "3.27",
                pattern = SchemaLimits.DECIMAL_2,
                maxLength = 40)
        String value,

        @Schema(
                description = "Exact (34 significant digits, at most 20 decimals)",
                examples = "3.26666666666666666667",
                pattern = SchemaLimits.DECIMAL,
                maxLength = 60)
        String exact) {

    public static ExactDecimal of(BigDecimal exact) {
        return exact == null ? null : new ExactDecimal(shown(exact).toPlainString(), exact(exact));
    }

    /** Half-up to two decimals. */
    public static BigDecimal shown(BigDecimal exact) {
        return exact == null ? null : exact.setScale(2, RoundingMode.HALF_UP);
    }

    /** At most 20 decimals, no trailing zeros. */
    public static String exact(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal v = value.setScale(Math.min(Math.max(value.scale(), 0), 20), RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
    }
}
