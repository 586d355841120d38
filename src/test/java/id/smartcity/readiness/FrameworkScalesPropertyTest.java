package id.smartcity.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.readiness.ReadinessCalculator.Calculation;
import id.smartcity.readiness.api.FrameworkDefinition;
import id.smartcity.readiness.api.FrameworkScale;
import id.smartcity.readiness.api.IndexRounding;
import id.smartcity.readiness.api.LocalizedName;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic on frameworks with random scales, precisions, weights and rounding rules (issue
 * #21): 3,000 random frameworks with a fixed seed, so that a failure repeats.
 */
class FrameworkScalesPropertyTest {

    private static final BigDecimal TOLERANCE = new BigDecimal("1e-28");

    @Test
    void theIndexLiesOnTheScaleIsTheWeightedMeanAndIsShownUnderTheStatedRule() {
        Random random = new Random(20221231L);
        for (int run = 0; run < 3000; run++) {
            FrameworkScale scale = scale(random);
            List<FrameworkDefinition.Pillar> pillars = new ArrayList<>();
            Map<String, BigDecimal> scores = new HashMap<>();
            BigDecimal lowest = scale.max();
            BigDecimal highest = scale.min();
            int pillarCount = 1 + random.nextInt(6);
            for (int p = 0; p < pillarCount; p++) {
                List<FrameworkDefinition.Indicator> indicators = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    String code = "P" + p + "I" + i;
                    indicators.add(new FrameworkDefinition.Indicator(code, name(code), weight(random), List.of()));
                    BigDecimal score = score(random, scale);
                    assertNull(FrameworkScales.refusal(scale, score), "allowed: " + score + " on " + scale);
                    scores.put(code, score);
                    lowest = lowest.min(score);
                    highest = highest.max(score);
                }
                pillars.add(new FrameworkDefinition.Pillar("P" + p, name("P" + p), weight(random), indicators));
            }
            FrameworkDefinition f = new FrameworkDefinition(
                    List.of(),
                    pillars,
                    List.of(new FrameworkDefinition.Band(scale.max(), name("All"))),
                    scale,
                    List.of());
            Calculation c = ReadinessCalculator.calculate(f, scores);
            BigDecimal exact = c.index();
            String at = "run " + run + " on " + scale;

            assertTrue(exact.compareTo(scale.min()) >= 0 && exact.compareTo(scale.max()) <= 0, "on the scale, " + at);
            assertTrue(
                    exact.compareTo(lowest.subtract(TOLERANCE)) >= 0 && exact.compareTo(highest.add(TOLERANCE)) <= 0,
                    "between the lowest and highest score, " + at);
            // Independently: Σ over indicators of pillar weight × indicator weight × score / (Σ pillar weights × Σ
            // the pillar's indicator weights), at 60 digits.
            MathContext wide = new MathContext(60);
            BigDecimal pillarWeights = BigDecimal.ZERO;
            for (FrameworkDefinition.Pillar p : pillars) {
                pillarWeights = pillarWeights.add(p.weight());
            }
            BigDecimal mean = BigDecimal.ZERO;
            for (FrameworkDefinition.Pillar p : pillars) {
                BigDecimal inPillar = BigDecimal.ZERO;
                for (FrameworkDefinition.Indicator i : p.indicators()) {
                    inPillar = inPillar.add(i.weight());
                }
                for (FrameworkDefinition.Indicator i : p.indicators()) {
                    mean = mean.add(p.weight()
                            .multiply(i.weight())
                            .multiply(scores.get(i.code()))
                            .divide(pillarWeights.multiply(inPillar), wide));
                }
            }
            assertTrue(mean.subtract(exact).abs().compareTo(TOLERANCE) < 0, "weighted mean " + mean + ", " + at);

            BigDecimal shown = ReadinessCalculator.shownIndex(f, exact);
            assertShownUnderTheRule(exact, shown, scale.index(), at);
            // Outside the scale, or one decimal too many, is refused and says what is allowed.
            String above =
                    FrameworkScales.refusal(scale, scale.max().add(BigDecimal.ONE.movePointLeft(scale.decimals())));
            assertNotNull(above, at);
            assertTrue(above.contains(scale.describe()), above);
            String tooPrecise = FrameworkScales.refusal(
                    scale, scale.min().add(new BigDecimal("1").movePointLeft(scale.decimals() + 1)));
            assertNotNull(tooPrecise, at);
            assertTrue(tooPrecise.contains("at most " + scale.decimals() + " decimal"), tooPrecise);
        }
    }

    /**
     * The rule, characterised without {@link java.math.RoundingMode}: the shown value has the
     * stated decimals; DOWN never rounds up and drops less than one unit of the last place;
     * HALF_UP and HALF_EVEN are at most half a unit away, a tie going up (HALF_UP) or to the even
     * last digit (HALF_EVEN).
     */
    static void assertShownUnderTheRule(BigDecimal exact, BigDecimal shown, FrameworkScale.Index rule, String at) {
        assertEquals(rule.decimals(), shown.scale(), "decimals, " + at);
        BigDecimal unit = BigDecimal.ONE.movePointLeft(rule.decimals());
        BigDecimal half = unit.divide(BigDecimal.valueOf(2));
        BigDecimal diff = exact.subtract(shown);
        String why = exact + " shown " + shown + " under " + rule.rounding() + ", " + at;
        switch (rule.rounding()) {
            case DOWN -> assertTrue(diff.signum() >= 0 && diff.compareTo(unit) < 0, why);
            case HALF_UP -> {
                assertTrue(diff.abs().compareTo(half) <= 0, why);
                if (diff.abs().compareTo(half) == 0) {
                    assertTrue(diff.signum() < 0, "a tie goes up: " + why);
                }
            }
            case HALF_EVEN -> {
                assertTrue(diff.abs().compareTo(half) <= 0, why);
                if (diff.abs().compareTo(half) == 0) {
                    BigInteger lastDigits = shown.unscaledValue();
                    assertEquals(BigInteger.ZERO, lastDigits.mod(BigInteger.TWO), "a tie goes to even: " + why);
                }
            }
        }
    }

    @Test
    void theRulesOnTies() {
        FrameworkScale.Index two = new FrameworkScale.Index(2, IndexRounding.HALF_UP);
        for (String[] c : new String[][] {
            {"3.305", "HALF_UP", "3.31"}, {"3.305", "HALF_EVEN", "3.30"}, {"3.305", "DOWN", "3.30"},
            {"3.315", "HALF_EVEN", "3.32"}, {"3.318", "DOWN", "3.31"}, {"3.318", "HALF_UP", "3.32"},
            {"3.31", "DOWN", "3.31"}, {"4.9999", "DOWN", "4.99"}
        }) {
            FrameworkScale s = new FrameworkScale(
                    BigDecimal.ZERO, new BigDecimal("5"), 2, new FrameworkScale.Index(2, IndexRounding.valueOf(c[1])));
            BigDecimal shown = FrameworkScales.shown(s, new BigDecimal(c[0]));
            assertEquals(c[2], shown.toPlainString(), c[0] + " " + c[1]);
            assertShownUnderTheRule(new BigDecimal(c[0]), shown, s.index(), "case");
        }
        assertEquals(2, two.decimals());
    }

    /** Scales such as 0-5, 1-5, 0-100 and odd ones: min 0..50, span 1..100, 0..4 decimals. */
    private static FrameworkScale scale(Random random) {
        int decimals = random.nextInt(5);
        BigDecimal min;
        BigDecimal max;
        switch (random.nextInt(4)) {
            case 0 -> {
                min = BigDecimal.ZERO;
                max = new BigDecimal("5");
            }
            case 1 -> {
                min = BigDecimal.ONE;
                max = new BigDecimal("5");
            }
            case 2 -> {
                min = BigDecimal.ZERO;
                max = new BigDecimal("100");
            }
            default -> {
                min = BigDecimal.valueOf(random.nextInt(51));
                max = min.add(BigDecimal.valueOf(1 + random.nextInt(100)));
            }
        }
        IndexRounding rounding = IndexRounding.values()[random.nextInt(3)];
        return new FrameworkScale(min, max, decimals, new FrameworkScale.Index(random.nextInt(5), rounding));
    }

    /** A score on the scale with at most its decimals; the ends now and then. */
    private static BigDecimal score(Random random, FrameworkScale s) {
        BigInteger steps =
                s.max().subtract(s.min()).movePointRight(s.decimals()).toBigInteger();
        int pick = random.nextInt(10);
        BigInteger k = pick == 0
                ? BigInteger.ZERO
                : pick == 1 ? steps : BigInteger.valueOf((long) (random.nextDouble() * (steps.longValue() + 1)));
        return s.min().add(new BigDecimal(k.min(steps), s.decimals()));
    }

    private static BigDecimal weight(Random random) {
        return random.nextInt(4) == 0
                ? BigDecimal.valueOf(10L * (1 + random.nextInt(5)))
                : BigDecimal.valueOf(1 + random.nextInt(10_000), 3);
    }

    private static LocalizedName name(String code) {
        return new LocalizedName(code, code);
    }
}
