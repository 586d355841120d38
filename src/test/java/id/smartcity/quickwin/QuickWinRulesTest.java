package id.smartcity.quickwin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Plain JUnit: the transition table and KPI attainment. */
class QuickWinRulesTest {

    @Test
    void theWholeTransitionTable() {
        Map<QuickWinStatus, Set<QuickWinStatus>> allowed = Map.of(
                QuickWinStatus.PROPOSED, EnumSet.of(QuickWinStatus.APPROVED, QuickWinStatus.CANCELLED),
                QuickWinStatus.APPROVED,
                        EnumSet.of(QuickWinStatus.IN_PROGRESS, QuickWinStatus.ON_HOLD, QuickWinStatus.CANCELLED),
                QuickWinStatus.IN_PROGRESS,
                        EnumSet.of(QuickWinStatus.COMPLETED, QuickWinStatus.ON_HOLD, QuickWinStatus.CANCELLED),
                QuickWinStatus.ON_HOLD, EnumSet.of(QuickWinStatus.IN_PROGRESS, QuickWinStatus.CANCELLED),
                QuickWinStatus.COMPLETED, EnumSet.noneOf(QuickWinStatus.class),
                QuickWinStatus.CANCELLED, EnumSet.noneOf(QuickWinStatus.class));
        for (QuickWinStatus from : QuickWinStatus.values()) {
            for (QuickWinStatus to : QuickWinStatus.values()) {
                assertEquals(allowed.get(from).contains(to), from.canBecome(to), from + " -> " + to);
            }
        }
    }

    @Test
    void attainmentWhenHigherIsBetter() {
        // Coverage from 40 % towards 80 %, now 70 %: 30 of 40 points = 75 %.
        assertEquals(0, pct(KpiDirection.HIGHER_IS_BETTER, "40", "80", "70").compareTo(new BigDecimal("75")));
        assertEquals(0, pct(KpiDirection.HIGHER_IS_BETTER, "40", "80", "90").compareTo(new BigDecimal("125")));
        assertEquals(0, pct(KpiDirection.HIGHER_IS_BETTER, "40", "80", "30").compareTo(new BigDecimal("-25")));
    }

    @Test
    void attainmentWhenLowerIsBetter() {
        // Waiting time from 14 days towards 5, now 8: 6 of 9 days = 66.67 %.
        assertEquals(
                "66.67",
                pct(KpiDirection.LOWER_IS_BETTER, "14", "5", "8")
                        .setScale(2, java.math.RoundingMode.HALF_UP)
                        .toPlainString());
        assertEquals(0, pct(KpiDirection.LOWER_IS_BETTER, "14", "5", "5").compareTo(new BigDecimal("100")));
    }

    @Test
    void noAttainmentWithoutActualOrWhenTargetIsTheBaseline() {
        assertNull(Attainment.percent(KpiDirection.HIGHER_IS_BETTER, BigDecimal.ONE, BigDecimal.TEN, null));
        assertNull(pct(KpiDirection.HIGHER_IS_BETTER, "10", "10", "12"));
    }

    private static BigDecimal pct(KpiDirection d, String baseline, String target, String actual) {
        return Attainment.percent(d, new BigDecimal(baseline), new BigDecimal(target), new BigDecimal(actual));
    }
}
