package id.smartcity.quickwin;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * KPI attainment: how much of the way from baseline to target the actual value has come, in
 * percent. Higher is better: (actual − baseline) / (target − baseline) × 100; lower is better:
 * (baseline − actual) / (baseline − target) × 100. Not capped: beyond the target is above 100, worse
 * than the baseline is negative. Null without an actual value or when target equals baseline.
 */
public final class Attainment {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Attainment() {}

    public static BigDecimal percent(
            KpiDirection direction, BigDecimal baseline, BigDecimal target, BigDecimal actual) {
        if (actual == null || target.compareTo(baseline) == 0) {
            return null;
        }
        BigDecimal gained =
                direction == KpiDirection.HIGHER_IS_BETTER ? actual.subtract(baseline) : baseline.subtract(actual);
        BigDecimal wanted =
                direction == KpiDirection.HIGHER_IS_BETTER ? target.subtract(baseline) : baseline.subtract(target);
        return gained.multiply(HUNDRED).divide(wanted, MathContext.DECIMAL128);
    }
}
