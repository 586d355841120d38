package id.smartcity.readiness;

import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditTrail;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Paging;
import id.smartcity.platform.persistence.RegionScopedEntity;
import id.smartcity.platform.persistence.TimestampedEntity;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import id.smartcity.platform.problem.ProblemType;
import id.smartcity.platform.security.Caller;
import id.smartcity.platform.security.Roles;
import id.smartcity.readiness.api.AssessmentResponse;
import id.smartcity.readiness.api.AssessmentTransitionRequest;
import id.smartcity.readiness.api.CreateAssessmentRequest;
import id.smartcity.readiness.api.FrameworkDefinition;
import id.smartcity.readiness.api.FrameworkScale;
import id.smartcity.readiness.api.ScoreRequest;
import id.smartcity.region.RegionRepository;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Readiness assessments: scored while DRAFT; DRAFT → SUBMITTED by a coordinator when every
 * indicator is scored; SUBMITTED → VERIFIED by an auditor or admin who is not the submitter (four
 * eyes), or back to DRAFT with a reason. A VERIFIED assessment never changes.
 */
@ApplicationScoped
public class AssessmentService {

    @Inject
    AssessmentRepository assessments;

    @Inject
    FrameworkService frameworks;

    @Inject
    RegionRepository regions;

    @Inject
    AssessmentMapper mapper;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    /** One page of the region's assessments, of the status and framework code when given. */
    public Page<AssessmentResponse> list(
            String regionCode, AssessmentStatus status, String frameworkCode, PageRequest page) {
        return Paging.page(
                assessments.search(regionCode, status, frameworkCode, page.sort()), page, mapper::toResponse);
    }

    @Transactional
    public ReadinessAssessment create(String regionCode, CreateAssessmentRequest request) {
        regions.visible(regionCode);
        FrameworkVersion framework = frameworks.find(request.frameworkCode(), request.frameworkVersion());
        if (assessments.exists(regionCode, framework.id, request.period())) {
            throw ApiException.conflict("Region " + regionCode + " already has an assessment under "
                    + framework.auditId() + " for " + request.period());
        }
        ReadinessAssessment a = RegionScopedEntity.newIn(regionCode, ReadinessAssessment::new);
        a.framework = framework;
        a.period = request.period();
        assessments.persist(a);
        audit.created(ReadinessAssessment.AUDIT_TYPE, a.id.toString(), regionCode, request);
        return loaded(a);
    }

    /** Sets one indicator's score and evidence (DRAFT only). */
    @Transactional
    public ReadinessAssessment score(
            String regionCode, UUID id, String indicatorCode, String ifMatch, ScoreRequest request) {
        ReadinessAssessment a = draft(regionCode, id, ifMatch);
        requireIndicator(a, indicatorCode);
        FrameworkScale scale = FrameworkScales.scale(frameworks.definition(a.framework));
        String refusal = FrameworkScales.refusal(scale, request.score());
        if (refusal != null) {
            throw ApiException.invalid("score", "indicator " + indicatorCode + ": " + refusal);
        }
        List<String> links = checkedLinks(request.links());
        ReadinessAssessment.Score wanted = new ReadinessAssessment.Score(
                indicatorCode,
                FrameworkScales.stored(scale, request.score()),
                request.evidence() == null || request.evidence().isBlank()
                        ? null
                        : request.evidence().strip(),
                links.isEmpty() ? null : String.join("\n", links));
        Optional<ReadinessAssessment.Score> current = current(a, indicatorCode);
        if (current.isPresent() && current.get().equals(wanted)) {
            return loaded(a);
        }
        Map<String, Object> before = current.map(AssessmentService::state).orElse(null);
        current.ifPresent(a.scores::remove);
        a.scores.add(wanted);
        audit.record(
                AuditAction.SCORE, ReadinessAssessment.AUDIT_TYPE, a.id.toString(), regionCode, before, state(wanted));
        assessments.flush();
        return loaded(a);
    }

    /** Removes one indicator's score (DRAFT only). */
    @Transactional
    public ReadinessAssessment unscore(String regionCode, UUID id, String indicatorCode, String ifMatch) {
        ReadinessAssessment a = draft(regionCode, id, ifMatch);
        requireIndicator(a, indicatorCode);
        ReadinessAssessment.Score current =
                current(a, indicatorCode).orElseThrow(() -> ApiException.notFound("Score of " + indicatorCode));
        a.scores.remove(current);
        audit.record(
                AuditAction.SCORE,
                ReadinessAssessment.AUDIT_TYPE,
                a.id.toString(),
                regionCode,
                state(current),
                Map.of("indicatorCode", indicatorCode));
        assessments.flush();
        return loaded(a);
    }

    @Transactional
    public ReadinessAssessment transition(
            String regionCode, UUID id, String ifMatch, AssessmentTransitionRequest request) {
        ReadinessAssessment a = assessments.locked(regionCode, id, ifMatch);
        AssessmentStatus to = request.to();
        if (!a.status.canBecome(to)) {
            throw ApiException.illegalTransition("assessment", a.status, to, a.status.allowedNext());
        }
        String reason = request.reason() == null || request.reason().isBlank()
                ? null
                : request.reason().strip();
        String me = subject();
        Map<String, Object> before = Map.of("status", a.status.name());
        AuditAction action = AuditAction.TRANSITION;
        switch (to) {
            case SUBMITTED -> {
                requireRole("Submitting an assessment", Roles.COORDINATOR, Roles.ADMIN);
                List<String> unscored = ReadinessCalculator.calculate(frameworks.definition(a.framework), scores(a))
                        .unscored();
                if (!unscored.isEmpty()) {
                    throw new ApiException(new Problem(
                                    ProblemType.BUSINESS_RULE,
                                    "Every indicator must be scored before submission; unscored: "
                                            + String.join(", ", unscored),
                                    null)
                            .with("unscored", unscored));
                }
                a.submittedBy = me;
                a.submittedAt = TimestampedEntity.now();
            }
            case VERIFIED -> {
                requireRole("Verifying an assessment", Roles.AUDITOR, Roles.ADMIN);
                if (me != null && me.equals(a.submittedBy)) {
                    throw ApiException.of(
                            ProblemType.FORBIDDEN,
                            "Four eyes: the assessment was submitted by you, so someone else must verify it");
                }
                a.verifiedBy = me;
                a.verifiedAt = TimestampedEntity.now();
                action = AuditAction.VERIFY;
            }
            case DRAFT -> {
                requireRole("Sending an assessment back to DRAFT", Roles.COORDINATOR, Roles.AUDITOR, Roles.ADMIN);
                if (reason == null) {
                    throw ApiException.unprocessable(List.of(
                            new Problem.FieldError("reason", "is required to send an assessment back to DRAFT")));
                }
                a.submittedBy = null;
                a.submittedAt = null;
            }
        }
        a.status = to;
        a.statusReason = reason;
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.name());
        after.put("reason", reason);
        audit.record(action, ReadinessAssessment.AUDIT_TYPE, a.id.toString(), regionCode, before, after);
        assessments.flush();
        return loaded(a);
    }

    /** The response is written after the transaction: load what it shows while the session is open. */
    static ReadinessAssessment loaded(ReadinessAssessment a) {
        a.scores.size();
        a.framework.frameworkCode.length();
        return a;
    }

    public ReadinessAssessment find(String regionCode, UUID id) {
        return assessments.found(regionCode, id);
    }

    public static Map<String, BigDecimal> scores(ReadinessAssessment a) {
        Map<String, BigDecimal> scores = new HashMap<>();
        a.scores.forEach(s -> scores.put(s.indicatorCode, s.score));
        return scores;
    }

    ReadinessAssessment draft(String regionCode, UUID id, String ifMatch) {
        ReadinessAssessment a = assessments.locked(regionCode, id, ifMatch);
        if (a.status != AssessmentStatus.DRAFT) {
            throw ApiException.conflict("The assessment is " + a.status + "; only a DRAFT is scored"
                    + (a.status == AssessmentStatus.VERIFIED ? " (a VERIFIED assessment never changes)" : ""));
        }
        return a;
    }

    private void requireIndicator(ReadinessAssessment a, String indicatorCode) {
        FrameworkDefinition d = frameworks.definition(a.framework);
        boolean known = d.pillars().stream()
                .flatMap(p -> p.indicators().stream())
                .anyMatch(i -> i.code().equals(indicatorCode));
        if (!known) {
            throw ApiException.notFound("Indicator " + indicatorCode + " in " + a.framework.auditId());
        }
    }

    private static Optional<ReadinessAssessment.Score> current(ReadinessAssessment a, String indicatorCode) {
        return a.scores.stream()
                .filter(s -> s.indicatorCode.equals(indicatorCode))
                .findFirst();
    }

    static Map<String, Object> state(ReadinessAssessment.Score s) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("indicatorCode", s.indicatorCode);
        state.put("score", s.score.toPlainString());
        state.put("evidence", s.evidence);
        state.put("links", s.evidenceLinks == null ? List.of() : List.of(s.evidenceLinks.split("\n")));
        return state;
    }

    /** Links are stored, never fetched: only their form is checked. */
    static List<String> checkedLinks(List<String> links) {
        if (links == null) {
            return List.of();
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> clean = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            String link = links.get(i).strip();
            try {
                URI uri = new URI(link);
                if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                        || uri.getHost() == null) {
                    throw new URISyntaxException(link, "not http(s)");
                }
                clean.add(link);
            } catch (URISyntaxException e) {
                errors.add(new Problem.FieldError("links[" + i + "]", "must be an http or https URL"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return clean;
    }

    private void requireRole(String what, String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return;
            }
        }
        throw ApiException.of(ProblemType.FORBIDDEN, what + " needs one of the roles " + String.join(", ", roles));
    }

    private String subject() {
        return Caller.of(identity).subject();
    }
}
