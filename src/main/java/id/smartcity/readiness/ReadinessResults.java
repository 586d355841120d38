package id.smartcity.readiness;

import id.smartcity.platform.http.ExactDecimal;
import id.smartcity.readiness.ReadinessCalculator.Calculation;
import id.smartcity.readiness.api.FrameworkDefinition;
import id.smartcity.readiness.api.FrameworkRef;
import id.smartcity.readiness.api.ResultResponse;
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

    public ResultResponse result(ReadinessAssessment a) {
        FrameworkDefinition d = frameworks.definition(a.framework);
        Calculation c = ReadinessCalculator.calculate(d, AssessmentService.scores(a));
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
                c.pillars().stream().map(ReadinessResults::pillar).toList(),
                change(a, c),
                METHOD);
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
    private ResultResponse.Change change(ReadinessAssessment a, Calculation current) {
        Optional<ReadinessAssessment> previous = assessments.previousVerified(a);
        if (previous.isEmpty()) {
            return null;
        }
        ReadinessAssessment p = previous.get();
        Calculation before =
                ReadinessCalculator.calculate(frameworks.definition(p.framework), AssessmentService.scores(p));
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
        return new ResultResponse.Change(
                p.id,
                p.period,
                p.framework.version,
                decimal(before.index()),
                current.index() == null || before.index() == null
                        ? null
                        : decimal(current.index().subtract(before.index())),
                pillars);
    }

    private static ResultResponse.PillarResult pillar(ReadinessCalculator.PillarResult p) {
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
                                decimal(i.contribution())))
                        .toList());
    }

    static ExactDecimal decimal(BigDecimal exact) {
        return ExactDecimal.of(exact);
    }
}
