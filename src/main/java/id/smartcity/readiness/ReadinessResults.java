package id.smartcity.readiness;

import id.smartcity.platform.http.ExactDecimal;
import id.smartcity.readiness.ReadinessCalculator.Calculation;
import id.smartcity.readiness.api.FrameworkDefinition;
import id.smartcity.readiness.api.FrameworkRef;
import id.smartcity.readiness.api.FrameworkScale;
import id.smartcity.readiness.api.ResultResponse;
import id.smartcity.readiness.api.ShownIndex;
import id.smartcity.readiness.api.TrendResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns assessments into explained results and trends. */
@ApplicationScoped
public class ReadinessResults {

    static final String METHOD = "pillar score = Σ(indicator weight × score) / Σ(indicator weights of the pillar);"
            + " index = Σ(pillar weight × pillar score) / Σ(pillar weights); an indicator's contribution ="
            + " (pillar weight / Σ pillar weights) × (indicator weight / Σ its pillar's indicator weights) × score, and"
            + " the contributions add up to the index. Exact to 34 significant digits; value is exact rounded half-up"
            + " to 2 decimals. The band is the first whose upper bound is above the exact index; the last band"
            + " includes 5.0.";

    @Inject
    FrameworkService frameworks;

    @Inject
    AssessmentRepository assessments;

    /** The formulas, with the framework's scale: the text of before for the legacy scale. */
    static String method(FrameworkScale scale) {
        if (scale.equals(FrameworkScale.LEGACY) || legacy(scale)) {
            return METHOD;
        }
        FrameworkScale.Index rule = scale.index();
        return METHOD.replace("includes 5.0.", "includes " + FrameworkScales.plain(scale.max()) + ".")
                + " shownIndex.value is the exact index rounded " + rule.rounding() + " to " + rule.decimals()
                + " decimals.";
    }

    private static boolean legacy(FrameworkScale s) {
        return s.min().compareTo(FrameworkScale.LEGACY.min()) == 0
                && s.max().compareTo(FrameworkScale.LEGACY.max()) == 0
                && s.decimals() == 1
                && s.index().equals(FrameworkScale.Index.LEGACY);
    }

    static ShownIndex shownIndex(FrameworkScale scale, BigDecimal exact) {
        if (exact == null) {
            return null;
        }
        FrameworkScale.Index rule = scale.index();
        String value = FrameworkScales.shown(scale, exact).toPlainString();
        String plain = ReadinessCalculator.exact(exact);
        return new ShownIndex(
                plain,
                value,
                rule.decimals(),
                rule.rounding(),
                plain + " rounded " + rule.rounding() + " to " + rule.decimals() + " decimals is " + value);
    }

    public ResultResponse result(ReadinessAssessment a) {
        FrameworkDefinition d = frameworks.definition(a.framework);
        FrameworkScale scale = FrameworkScales.scale(d);
        Calculation c = ReadinessCalculator.calculate(d, AssessmentService.scores(a));
        Map<String, ReadinessAssessment.Score> evidence =
                a.scores.stream().collect(Collectors.toMap(s -> s.indicatorCode, s -> s, (x, y) -> x));
        return new ResultResponse(
                a.id,
                a.regionCode,
                new FrameworkRef(a.framework.frameworkCode, a.framework.version),
                a.period,
                a.status,
                c.complete(),
                c.scored(),
                c.total(),
                c.unscored(),
                decimal(c.index()),
                c.band() == null
                        ? null
                        : new ResultResponse.BandResult(
                                c.band().predicate(),
                                ReadinessCalculator.exact(c.band().lowerBound()),
                                ReadinessCalculator.exact(c.band().upperBound()),
                                c.band().upperInclusive()),
                c.pillars().stream().map(p -> pillar(p, evidence)).toList(),
                change(a, d, c),
                method(scale),
                scale,
                shownIndex(scale, c.index()));
    }

    public TrendResponse trend(String regionCode, String frameworkCode) {
        List<TrendResponse.Point> points = new ArrayList<>();
        List<ReadinessAssessment> verified = assessments.verified(regionCode, frameworkCode);
        // Oldest first; only the latest periods, so that the answer stays bounded.
        int from = Math.max(0, verified.size() - TrendResponse.MAX_POINTS);
        for (ReadinessAssessment a : verified.subList(from, verified.size())) {
            Calculation c =
                    ReadinessCalculator.calculate(frameworks.definition(a.framework), AssessmentService.scores(a));
            points.add(new TrendResponse.Point(
                    a.id,
                    a.period,
                    a.framework.version,
                    a.verifiedAt,
                    decimal(c.index()),
                    c.band() == null ? null : c.band().predicate(),
                    c.pillars().stream()
                            .map(p -> new TrendResponse.PillarPoint(p.code(), decimal(p.score())))
                            .toList()));
        }
        return new TrendResponse(regionCode, frameworkCode, points);
    }

    /** The previous verified assessment (an earlier period) of the same region and framework code. */
    private ResultResponse.Change change(ReadinessAssessment a, FrameworkDefinition d, Calculation current) {
        Optional<ReadinessAssessment> previous = assessments.previousVerified(a);
        if (previous.isEmpty()) {
            return null;
        }
        ReadinessAssessment p = previous.get();
        FrameworkDefinition previousDefinition = frameworks.definition(p.framework);
        Calculation before = ReadinessCalculator.calculate(previousDefinition, AssessmentService.scores(p));
        Map<String, BigDecimal> beforePillars = before.pillars().stream()
                .filter(x -> x.score() != null)
                .collect(Collectors.toMap(
                        ReadinessCalculator.PillarResult::code, ReadinessCalculator.PillarResult::score));
        List<ResultResponse.PillarChange> pillars = current.pillars().stream()
                .filter(x -> beforePillars.containsKey(x.code()))
                .map(x -> new ResultResponse.PillarChange(
                        x.code(),
                        decimal(beforePillars.get(x.code())),
                        x.score() == null ? null : decimal(x.score().subtract(beforePillars.get(x.code())))))
                .toList();
        boolean versionChanged = p.framework.version != a.framework.version;
        boolean weightsChanged = !weights(before).equals(weights(current));
        String note = !versionChanged
                ? null
                : p.period + " was assessed under " + p.framework.auditId() + ", " + a.period + " under "
                        + a.framework.auditId()
                        + (weightsChanged
                                ? ": the weights differ, so the change mixes new scores with new weights"
                                : ": the weights are the same");
        return new ResultResponse.Change(
                p.id,
                p.period,
                p.framework.version,
                decimal(before.index()),
                current.index() == null || before.index() == null
                        ? null
                        : decimal(current.index().subtract(before.index())),
                pillars,
                versionChanged,
                weightsChanged,
                note);
    }

    /** Pillar and indicator codes with their effective weights: what "the same weights" means. */
    private static Map<String, BigDecimal> weights(Calculation c) {
        Map<String, BigDecimal> weights = new java.util.TreeMap<>();
        for (ReadinessCalculator.PillarResult p : c.pillars()) {
            weights.put(p.code(), p.normalisedWeight().stripTrailingZeros());
            p.indicators()
                    .forEach(i -> weights.put(
                            p.code() + "/" + i.code(), i.effectiveWeight().stripTrailingZeros()));
        }
        return weights;
    }

    private static ResultResponse.PillarResult pillar(
            ReadinessCalculator.PillarResult p, Map<String, ReadinessAssessment.Score> scores) {
        return new ResultResponse.PillarResult(
                p.code(),
                p.name(),
                ReadinessCalculator.exact(p.weight()),
                ReadinessCalculator.exact(p.normalisedWeight()),
                decimal(p.score()),
                decimal(p.contribution()),
                p.indicators().stream()
                        .map(i -> new ResultResponse.IndicatorResult(
                                i.code(),
                                i.name(),
                                ReadinessCalculator.exact(i.weight()),
                                ReadinessCalculator.exact(i.weightInPillar()),
                                ReadinessCalculator.exact(i.effectiveWeight()),
                                i.score() == null ? null : i.score().toPlainString(),
                                decimal(i.contribution()),
                                scores.containsKey(i.code()) ? scores.get(i.code()).evidence : null,
                                links(scores.get(i.code()))))
                        .toList());
    }

    private static List<String> links(ReadinessAssessment.Score s) {
        return s == null || s.evidenceLinks == null ? List.of() : List.of(s.evidenceLinks.split("\n"));
    }

    static ExactDecimal decimal(BigDecimal exact) {
        return ExactDecimal.of(exact);
    }
}
