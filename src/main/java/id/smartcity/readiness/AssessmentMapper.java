package id.smartcity.readiness;

import id.smartcity.readiness.api.AssessmentResponse;
import id.smartcity.readiness.api.FrameworkRef;
import id.smartcity.readiness.api.IndicatorScoreResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

@ApplicationScoped
public class AssessmentMapper {

    @Inject
    FrameworkService frameworks;

    public AssessmentResponse toResponse(ReadinessAssessment a) {
        List<IndicatorScoreResponse> scores = new ArrayList<>(a.scores.stream()
                .map(s -> new IndicatorScoreResponse(
                        s.indicatorCode,
                        s.score,
                        s.evidence,
                        s.evidenceLinks == null ? List.of() : List.of(s.evidenceLinks.split("\n"))))
                .toList());
        scores.sort(Comparator.comparing(IndicatorScoreResponse::indicatorCode));
        int total = frameworks.definition(a.framework).pillars().stream()
                .mapToInt(p -> p.indicators().size())
                .sum();
        return new AssessmentResponse(
                a.id,
                a.regionCode,
                new FrameworkRef(a.framework.frameworkCode, a.framework.version),
                a.period,
                a.status,
                a.statusReason,
                a.submittedBy,
                a.submittedAt,
                a.verifiedBy,
                a.verifiedAt,
                scores,
                scores.size(),
                total,
                a.version,
                a.createdAt,
                a.updatedAt);
    }
}
