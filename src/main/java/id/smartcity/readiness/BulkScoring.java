package id.smartcity.readiness;

import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditTrail;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import id.smartcity.readiness.api.FrameworkDefinition;
import id.smartcity.readiness.api.FrameworkScale;
import id.smartcity.readiness.api.IndicatorScoreRequest;
import id.smartcity.readiness.api.ScoresRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * All scores of a DRAFT in one request (JSON or CSV): the listed indicators are scored, the others
 * unscored; every entry is checked before anything changes, and one audit event lists every
 * indicator whose score, evidence or links changed (before and after).
 */
@ApplicationScoped
public class BulkScoring {

    /** One entry as sent; {@code at} names it in a problem ("scores[2]", "line 3"). */
    public record Entry(String at, String indicatorCode, BigDecimal score, String evidence, List<String> links) {}

    @Inject
    AssessmentService assessments;

    @Inject
    FrameworkService frameworks;

    @Inject
    AuditTrail audit;

    @Inject
    AssessmentRepository repository;

    static List<Entry> entries(ScoresRequest request) {
        List<Entry> entries = new ArrayList<>();
        for (int k = 0; k < request.scores().size(); k++) {
            IndicatorScoreRequest s = request.scores().get(k);
            entries.add(new Entry("scores[" + k + "]", s.indicatorCode(), s.score(), s.evidence(), s.links()));
        }
        return entries;
    }

    @Transactional
    public ReadinessAssessment replace(
            String regionCode, UUID id, String ifMatch, List<Entry> entries, List<Problem.FieldError> earlier) {
        ReadinessAssessment a = assessments.draft(regionCode, id, ifMatch);
        FrameworkDefinition d = frameworks.definition(a.framework);
        FrameworkScale scale = FrameworkScales.scale(d);
        Set<String> known = new HashSet<>();
        d.pillars().forEach(p -> p.indicators().forEach(i -> known.add(i.code())));
        List<Problem.FieldError> errors = new ArrayList<>(earlier);
        Map<String, ReadinessAssessment.Score> wanted = new TreeMap<>();
        for (Entry e : entries) {
            String code = e.indicatorCode();
            if (!known.contains(code)) {
                errors.add(new Problem.FieldError(
                        e.at() + ".indicatorCode", "indicator " + code + " is not in " + a.framework.auditId()));
                continue;
            }
            if (wanted.containsKey(code)) {
                errors.add(new Problem.FieldError(e.at() + ".indicatorCode", "indicator " + code + " is listed twice"));
                continue;
            }
            String refusal = FrameworkScales.refusal(scale, e.score());
            if (refusal != null) {
                errors.add(new Problem.FieldError(e.at() + ".score", "indicator " + code + ": " + refusal));
                continue;
            }
            if (e.evidence() != null && e.evidence().length() > 4000) {
                errors.add(new Problem.FieldError(
                        e.at() + ".evidence", "indicator " + code + ": at most 4000 characters"));
                continue;
            }
            List<String> links;
            try {
                links = checked(e.links());
            } catch (ApiException bad) {
                errors.add(new Problem.FieldError(
                        e.at() + ".links", "indicator " + code + ": at most 10 http or https URLs"));
                continue;
            }
            wanted.put(
                    code,
                    new ReadinessAssessment.Score(
                            code,
                            FrameworkScales.stored(scale, e.score()),
                            e.evidence() == null || e.evidence().isBlank()
                                    ? null
                                    : e.evidence().strip(),
                            links.isEmpty() ? null : String.join("\n", links)));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(BulkScoring::order));
            throw ApiException.invalid(errors);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        Map<String, ReadinessAssessment.Score> current = new TreeMap<>();
        a.scores.forEach(s -> current.put(s.indicatorCode, s));
        Set<String> codes = new java.util.TreeSet<>(current.keySet());
        codes.addAll(wanted.keySet());
        for (String code : codes) {
            ReadinessAssessment.Score was = current.get(code);
            ReadinessAssessment.Score is = wanted.get(code);
            if (was == null ? is != null : !was.equals(is)) {
                before.put(code, was == null ? null : AssessmentService.state(was));
                after.put(code, is == null ? null : AssessmentService.state(is));
            }
        }
        if (after.isEmpty()) {
            return AssessmentService.loaded(a);
        }
        for (String code : after.keySet()) {
            a.scores.remove(current.get(code));
            if (wanted.get(code) != null) {
                a.scores.add(wanted.get(code));
            }
        }
        audit.record(AuditAction.SCORE, ReadinessAssessment.AUDIT_TYPE, a.id.toString(), regionCode, before, after);
        repository.flush();
        return AssessmentService.loaded(a);
    }

    /** Problems in the order of the body: by entry or line number. */
    private static long order(Problem.FieldError e) {
        String digits = e.field().replaceAll("^\\D*(\\d+).*$", "$1");
        return digits.matches("\\d+") ? Long.parseLong(digits) : 0;
    }

    private static List<String> checked(List<String> links) {
        if (links != null && links.size() > 10) {
            throw ApiException.invalid("links", "at most 10");
        }
        List<String> clean = AssessmentService.checkedLinks(links);
        for (String l : clean) {
            if (l.length() > 2000) {
                throw ApiException.invalid("links", "too long");
            }
        }
        return clean;
    }
}
