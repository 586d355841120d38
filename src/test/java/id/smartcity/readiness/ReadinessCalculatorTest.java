package id.smartcity.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.readiness.ReadinessCalculator.Calculation;
import id.smartcity.readiness.api.FrameworkDefinition;
import id.smartcity.readiness.api.FrameworkScale;
import id.smartcity.readiness.api.LocalizedName;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The arithmetic of DESIGN §5 against examples computed by hand. */
class ReadinessCalculatorTest {

    private static final List<String> LEVELS =
            List.of("Rintisan", "Terkelola", "Terdefinisi", "Terpadu dan Terukur", "Optimum");
    private static final List<FrameworkDefinition.Band> BANDS = List.of(
            band("1.8", "Kurang"),
            band("2.6", "Cukup"),
            band("3.5", "Baik"),
            band("4.2", "Sangat Baik"),
            band("5.0", "Memuaskan"));

    @Test
    void unequalWeightsByHand() {
        // Pillar A (weight 2): a1 (weight 1) = 4.0, a2 (weight 3) = 2.0 -> (4 + 6) / 4 = 2.5
        // Pillar B (weight 1): b1 (weight 1) = 5.0 -> 5.0
        // index = (2 x 2.5 + 1 x 5.0) / 3 = 10/3
        FrameworkDefinition f = framework(
                pillar("A", "2", indicator("A1", "1"), indicator("A2", "3")), pillar("B", "1", indicator("B1", "1")));
        Calculation c = ReadinessCalculator.calculate(f, Map.of("A1", dec("4.0"), "A2", dec("2.0"), "B1", dec("5.0")));
        assertTrue(c.complete());
        assertEquals("3.33", ReadinessCalculator.shown(c.index()).toPlainString());
        assertEquals("3.33333333333333333333", ReadinessCalculator.exact(c.index()));
        assertEquals(0, c.pillars().get(0).score().compareTo(dec("2.5")));
        assertEquals(0, c.pillars().get(1).score().compareTo(dec("5.0")));
        // Effective weights 2/3 x 1/4 = 1/6, 2/3 x 3/4 = 1/2, 1/3; contributions 4/6, 1, 5/3.
        assertEquals(
                "0.16666666666666666667",
                ReadinessCalculator.exact(c.pillars().get(0).indicators().get(0).effectiveWeight()));
        assertEquals(
                "0.5",
                ReadinessCalculator.exact(c.pillars().get(0).indicators().get(1).effectiveWeight()));
        assertEquals(
                "0.66666666666666666667",
                ReadinessCalculator.exact(c.pillars().get(0).indicators().get(0).contribution()));
        assertEquals(
                "1",
                ReadinessCalculator.exact(c.pillars().get(0).indicators().get(1).contribution()));
        assertEquals(
                "1.66666666666666666667",
                ReadinessCalculator.exact(c.pillars().get(1).indicators().get(0).contribution()));
        assertEquals("Baik", c.band().predicate().id());
    }

    @Test
    void equalWeightsOfTheSeededReadinessFramework() {
        FrameworkDefinition f = framework(
                pillar("STRUKTUR", "1", indicator("SDM", "1"), indicator("BIROKRASI", "1"), indicator("ANGGARAN", "1")),
                pillar(
                        "INFRASTRUKTUR",
                        "1",
                        indicator("FISIK", "1"),
                        indicator("DIGITAL", "1"),
                        indicator("SOSIAL", "1")),
                pillar(
                        "SUPRASTRUKTUR",
                        "1",
                        indicator("KELEMBAGAAN", "1"),
                        indicator("KEBIJAKAN_REGULASI", "1"),
                        indicator("PENEGAKAN_HUKUM", "1")));
        Map<String, BigDecimal> scores = Map.of(
                "SDM",
                dec("3.0"),
                "BIROKRASI",
                dec("2.5"),
                "ANGGARAN",
                dec("2.0"),
                "FISIK",
                dec("4.0"),
                "DIGITAL",
                dec("3.5"),
                "SOSIAL",
                dec("3.0"),
                "KELEMBAGAAN",
                dec("2.0"),
                "KEBIJAKAN_REGULASI",
                dec("2.5"),
                "PENEGAKAN_HUKUM",
                dec("1.5"));
        Calculation c = ReadinessCalculator.calculate(f, scores);
        // Pillars 2.5, 3.5, 2.0 -> 8/3
        assertEquals("2.67", ReadinessCalculator.shown(c.index()).toPlainString());
        assertEquals("2.66666666666666666667", ReadinessCalculator.exact(c.index()));
        assertEquals("Baik", c.band().predicate().id());
        assertEquals(0, c.band().lowerBound().compareTo(dec("2.6")));
        assertEquals(0, c.band().upperBound().compareTo(dec("3.5")));
    }

    @Test
    void bandEdgesBelongToTheBandAboveAndFiveIsIncluded() {
        FrameworkDefinition f = framework(pillar("P", "1", indicator("I", "1")));
        assertEquals("Kurang", band(f, "1.0"));
        assertEquals("Kurang", band(f, "1.79999"));
        assertEquals("Cukup", band(f, "1.8"));
        assertEquals("Baik", band(f, "2.6"));
        assertEquals("Sangat Baik", band(f, "3.5"));
        assertEquals("Memuaskan", band(f, "4.2"));
        assertEquals("Memuaskan", band(f, "5.0"));
        assertEquals("Memuaskan", band(f, "5"));
    }

    @Test
    void shownIsHalfUpToTwoDecimals() {
        assertEquals("2.35", ReadinessCalculator.shown(dec("2.345")).toPlainString());
        assertEquals("2.34", ReadinessCalculator.shown(dec("2.3449999")).toPlainString());
        assertEquals("3.00", ReadinessCalculator.shown(dec("2.995")).toPlainString());
    }

    @Test
    void incompleteHasNoIndexAndListsWhatIsMissing() {
        FrameworkDefinition f = framework(
                pillar("A", "1", indicator("A1", "1"), indicator("A2", "1")), pillar("B", "1", indicator("B1", "1")));
        Calculation c = ReadinessCalculator.calculate(f, Map.of("A1", dec("3.0"), "B1", dec("4.0")));
        assertFalse(c.complete());
        assertNull(c.index());
        assertNull(c.band());
        assertEquals(List.of("A2"), c.unscored());
        assertEquals(2, c.scored());
        assertEquals(3, c.total());
        assertNull(c.pillars().get(0).score());
        assertEquals(0, c.pillars().get(1).score().compareTo(dec("4.0")));
    }

    /** A property over 2,000 random frameworks and scores (fixed seed, so a failure repeats). */
    @Test
    void indexAlwaysLiesOnTheScaleAndIsTheWeightedMeanOfItsParts() {
        Random random = new Random(20240711L);
        for (int run = 0; run < 2000; run++) {
            List<FrameworkDefinition.Pillar> pillars = new ArrayList<>();
            Map<String, BigDecimal> scores = new HashMap<>();
            BigDecimal min = dec("5.0");
            BigDecimal max = dec("1.0");
            int pillarCount = 1 + random.nextInt(5);
            for (int p = 0; p < pillarCount; p++) {
                List<FrameworkDefinition.Indicator> indicators = new ArrayList<>();
                int indicatorCount = 1 + random.nextInt(5);
                for (int i = 0; i < indicatorCount; i++) {
                    String code = "P" + p + "I" + i;
                    indicators.add(indicator(code, weight(random)));
                    BigDecimal score = BigDecimal.valueOf(10 + random.nextInt(41), 1);
                    scores.put(code, score);
                    min = min.min(score);
                    max = max.max(score);
                }
                pillars.add(new FrameworkDefinition.Pillar("P" + p, name("P" + p), dec(weight(random)), indicators));
            }
            FrameworkDefinition f = new FrameworkDefinition(LEVELS, pillars, BANDS);
            Calculation c = ReadinessCalculator.calculate(f, scores);

            assertTrue(
                    c.index().compareTo(FrameworkScale.LEGACY.min()) >= 0
                            && c.index().compareTo(FrameworkScale.LEGACY.max()) <= 0,
                    "on the scale");
            assertTrue(
                    c.index().compareTo(min.subtract(dec("1e-30"))) >= 0
                            && c.index().compareTo(max.add(dec("1e-30"))) <= 0,
                    "between the lowest and highest score");
            // The weighted mean of the pillar scores, computed here independently.
            BigDecimal numerator = BigDecimal.ZERO;
            BigDecimal denominator = BigDecimal.ZERO;
            BigDecimal contributions = BigDecimal.ZERO;
            for (int p = 0; p < pillars.size(); p++) {
                BigDecimal pn = BigDecimal.ZERO;
                BigDecimal pd = BigDecimal.ZERO;
                for (FrameworkDefinition.Indicator i : pillars.get(p).indicators()) {
                    pn = pn.add(i.weight().multiply(scores.get(i.code())));
                    pd = pd.add(i.weight());
                }
                BigDecimal pillarScore = pn.divide(pd, MathContext.DECIMAL128);
                assertTrue(
                        pillarScore.subtract(c.pillars().get(p).score()).abs().compareTo(dec("1e-30")) < 0,
                        "pillar score");
                numerator = numerator.add(pillars.get(p).weight().multiply(pillarScore));
                denominator = denominator.add(pillars.get(p).weight());
                for (ReadinessCalculator.IndicatorResult r : c.pillars().get(p).indicators()) {
                    contributions = contributions.add(r.contribution());
                }
            }
            BigDecimal mean = numerator.divide(denominator, MathContext.DECIMAL128);
            assertTrue(mean.subtract(c.index()).abs().compareTo(dec("1e-30")) < 0, "index = weighted mean, run " + run);
            assertTrue(
                    contributions.subtract(c.index()).abs().compareTo(dec("1e-30")) < 0,
                    "contributions add up, run " + run);
        }
    }

    private static String band(FrameworkDefinition f, String index) {
        return ReadinessCalculator.band(f, dec(index)).predicate().id();
    }

    private static String weight(Random random) {
        return BigDecimal.valueOf(1 + random.nextInt(10_000), 3).toPlainString();
    }

    static FrameworkDefinition framework(FrameworkDefinition.Pillar... pillars) {
        return new FrameworkDefinition(LEVELS, List.of(pillars), BANDS);
    }

    static FrameworkDefinition.Pillar pillar(String code, String weight, FrameworkDefinition.Indicator... indicators) {
        return new FrameworkDefinition.Pillar(code, name(code), dec(weight), List.of(indicators));
    }

    static FrameworkDefinition.Indicator indicator(String code, String weight) {
        return new FrameworkDefinition.Indicator(code, name(code), dec(weight), List.of("1", "2", "3", "4", "5"));
    }

    static FrameworkDefinition.Band band(String upTo, String predicate) {
        return new FrameworkDefinition.Band(dec(upTo), new LocalizedName(predicate, predicate));
    }

    private static LocalizedName name(String code) {
        return new LocalizedName(code, code);
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
