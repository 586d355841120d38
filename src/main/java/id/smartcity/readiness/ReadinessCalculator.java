package id.smartcity.readiness;

import id.smartcity.platform.http.ExactDecimal;
import id.smartcity.readiness.api.FrameworkDefinition;
import id.smartcity.readiness.api.LocalizedName;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of DESIGN §5, and nothing else: pure, exact to 34 significant digits
 * (IEEE 754 decimal128), rounded only by whoever shows a number.
 *
 * <pre>
 * pillar score = Σ(indicator weight × score) / Σ(indicator weights of the pillar)
 * index        = Σ(pillar weight × pillar score) / Σ(pillar weights)
 * effective weight of an indicator = (pillar weight / Σ pillar weights) × (indicator weight / Σ its pillar's indicator weights)
 * contribution of an indicator     = effective weight × score          (the contributions add up to the index)
 * band = the first band whose upTo is above the index; the last band includes the scale's maximum
 * shown index = the exact index rounded to the scale's index decimals under its rounding rule
 * </pre>
 */
public final class ReadinessCalculator {

    public static final MathContext MC = MathContext.DECIMAL128;

    private ReadinessCalculator() {}

    public record Calculation(
            boolean complete,
            int scored,
            int total,
            List<String> unscored,
            BigDecimal index,
            Band band,
            List<PillarResult> pillars) {}

    public record PillarResult(
            String code,
            LocalizedName name,
            BigDecimal weight,
            BigDecimal normalisedWeight,
            BigDecimal score,
            BigDecimal contribution,
            List<IndicatorResult> indicators) {}

    public record IndicatorResult(
            String code,
            LocalizedName name,
            BigDecimal weight,
            BigDecimal weightInPillar,
            BigDecimal effectiveWeight,
            BigDecimal score,
            BigDecimal contribution) {}

    public record Band(BigDecimal lowerBound, BigDecimal upperBound, boolean upperInclusive, LocalizedName predicate) {}

    /** @param scores indicator code to score; missing indicators are unscored */
    public static Calculation calculate(FrameworkDefinition framework, Map<String, BigDecimal> scores) {
        BigDecimal pillarWeights = framework.pillars().stream()
                .map(FrameworkDefinition.Pillar::weight)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<PillarResult> pillars = new ArrayList<>();
        List<String> unscored = new ArrayList<>();
        int total = 0;
        BigDecimal weightedSum = BigDecimal.ZERO;
        boolean complete = true;
        for (FrameworkDefinition.Pillar p : framework.pillars()) {
            BigDecimal normalised = p.weight().divide(pillarWeights, MC);
            BigDecimal indicatorWeights = p.indicators().stream()
                    .map(FrameworkDefinition.Indicator::weight)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal pillarSum = BigDecimal.ZERO;
            boolean pillarComplete = true;
            List<IndicatorResult> indicators = new ArrayList<>();
            for (FrameworkDefinition.Indicator i : p.indicators()) {
                total++;
                BigDecimal inPillar = i.weight().divide(indicatorWeights, MC);
                BigDecimal effective = normalised.multiply(inPillar, MC);
                BigDecimal score = scores.get(i.code());
                if (score == null) {
                    unscored.add(i.code());
                    pillarComplete = false;
                } else {
                    pillarSum = pillarSum.add(i.weight().multiply(score));
                }
                indicators.add(new IndicatorResult(
                        i.code(),
                        i.name(),
                        i.weight(),
                        inPillar,
                        effective,
                        score,
                        score == null ? null : effective.multiply(score, MC)));
            }
            BigDecimal pillarScore = pillarComplete ? pillarSum.divide(indicatorWeights, MC) : null;
            if (pillarComplete) {
                weightedSum = weightedSum.add(p.weight().multiply(pillarScore, MC));
            } else {
                complete = false;
            }
            pillars.add(new PillarResult(
                    p.code(),
                    p.name(),
                    p.weight(),
                    normalised,
                    pillarScore,
                    pillarScore == null ? null : normalised.multiply(pillarScore, MC),
                    indicators));
        }
        BigDecimal index = complete ? weightedSum.divide(pillarWeights, MC) : null;
        return new Calculation(
                complete,
                total - unscored.size(),
                total,
                unscored,
                index,
                index == null ? null : band(framework, index),
                pillars);
    }

    /** The bands with both bounds, in order. */
    public static List<Band> bands(FrameworkDefinition framework) {
        List<Band> bands = new ArrayList<>();
        BigDecimal lower = FrameworkScales.scale(framework).min();
        for (int k = 0; k < framework.bands().size(); k++) {
            FrameworkDefinition.Band b = framework.bands().get(k);
            boolean last = k == framework.bands().size() - 1;
            bands.add(new Band(lower, b.upTo(), last, b.predicate()));
            lower = b.upTo();
        }
        return bands;
    }

    /** The band an index falls in: lower bound included, upper excluded except the maximum in the last band. */
    public static Band band(FrameworkDefinition framework, BigDecimal index) {
        List<Band> bands = bands(framework);
        for (Band b : bands) {
            int vsUpper = index.compareTo(b.upperBound());
            if (vsUpper < 0 || (b.upperInclusive() && vsUpper == 0)) {
                return b;
            }
        }
        throw new IllegalArgumentException("Index " + index + " is outside the scale");
    }

    /** Half-up to two decimals: how {@code ExactDecimal.value} shows every computed number. */
    public static BigDecimal shown(BigDecimal exact) {
        return ExactDecimal.shown(exact);
    }

    /** The index as the framework shows it: its index decimals, under its rounding rule. */
    public static BigDecimal shownIndex(FrameworkDefinition framework, BigDecimal exact) {
        return FrameworkScales.shown(FrameworkScales.scale(framework), exact);
    }

    /** The exact value as written in an answer: at most 20 decimals, no trailing zeros. */
    public static String exact(BigDecimal value) {
        return ExactDecimal.exact(value);
    }
}
