package id.smartcity.quickwin;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditTrail;
import id.smartcity.fgd.FgdSessionReferences;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.MergePatch;
import id.smartcity.platform.persistence.RegionScopedEntity;
import id.smartcity.platform.persistence.TimestampedEntity;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import id.smartcity.platform.problem.ProblemType;
import id.smartcity.platform.security.Caller;
import id.smartcity.platform.security.Roles;
import id.smartcity.quickwin.api.KpiRequest;
import id.smartcity.quickwin.api.MilestoneRequest;
import id.smartcity.quickwin.api.ProgressReportRequest;
import id.smartcity.quickwin.api.QuickWinRequest;
import id.smartcity.quickwin.api.QuickWinTransitionRequest;
import id.smartcity.region.RegionRepository;
import id.smartcity.stakeholder.StakeholderReferences;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Quick wins and their parts. The workflow lives in {@link QuickWinStatus}; approval needs a
 * coordinator; completion below 100 % progress needs a reason. Every change to milestones and
 * reports moves the quick win's version, since its derived progress changes with them.
 */
@ApplicationScoped
public class QuickWinService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    QuickWinRepository quickWins;

    @Inject
    RegionRepository regions;

    @Inject
    StakeholderReferences stakeholderRefs;

    @Inject
    FgdSessionReferences sessionRefs;

    @Inject
    QuickWinMapper mapper;

    @Inject
    MergePatch mergePatch;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    @Transactional
    public QuickWin create(String regionCode, QuickWinRequest request) {
        regions.visible(regionCode);
        check(regionCode, request);
        QuickWin q = RegionScopedEntity.newIn(regionCode, QuickWin::new);
        mapper.apply(request, q);
        quickWins.persist(q);
        audit.created(QuickWin.AUDIT_TYPE, q.id.toString(), regionCode, mapper.toState(q));
        return q;
    }

    @Transactional
    public QuickWin patch(String regionCode, UUID id, String ifMatch, JsonNode patch) {
        QuickWin q = quickWins.locked(regionCode, id, ifMatch);
        if (q.status == QuickWinStatus.COMPLETED || q.status == QuickWinStatus.CANCELLED) {
            throw ApiException.conflict("The quick win is " + q.status + "; it no longer changes");
        }
        QuickWinRequest before = mapper.toState(q);
        QuickWinRequest request = mergePatch.apply(before, patch, QuickWinRequest.class);
        check(regionCode, request);
        mapper.apply(request, q);
        audit.updated(QuickWin.AUDIT_TYPE, q.id.toString(), regionCode, before, mapper.toState(q));
        quickWins.flush();
        return q;
    }

    @Transactional
    public QuickWin transition(String regionCode, UUID id, String ifMatch, QuickWinTransitionRequest request) {
        QuickWin q = quickWins.locked(regionCode, id, ifMatch);
        QuickWinStatus to = request.to();
        if (!q.status.canBecome(to)) {
            throw ApiException.illegalTransition("quick win", q.status, to, q.status.allowedNext());
        }
        String reason = request.reason() == null || request.reason().isBlank()
                ? null
                : request.reason().strip();
        if (to == QuickWinStatus.APPROVED && !identity.hasRole(Roles.COORDINATOR) && !identity.hasRole(Roles.ADMIN)) {
            throw ApiException.of(ProblemType.FORBIDDEN, "Approving a quick win needs a coordinator");
        }
        if ((to == QuickWinStatus.ON_HOLD || to == QuickWinStatus.CANCELLED) && reason == null) {
            // A rule of the workflow, not of the body's form: 422, like completing below 100 % without one.
            throw ApiException.unprocessable(
                    List.of(new Problem.FieldError("reason", "is required to put a quick win " + to)));
        }
        if (to == QuickWinStatus.COMPLETED && reason == null) {
            BigDecimal progress = quickWins.derived(q.id).progress();
            if (progress.compareTo(HUNDRED) < 0) {
                throw ApiException.unprocessable(List.of(new Problem.FieldError(
                        "reason",
                        "is required to complete a quick win whose progress is "
                                + progress.setScale(2, RoundingMode.HALF_UP).toPlainString() + " %, below 100")));
            }
        }
        QuickWinTransition t = new QuickWinTransition();
        t.id = UUID.randomUUID();
        t.quickWinId = q.id;
        t.from = q.status;
        t.to = to;
        t.reason = reason;
        t.actor = subject();
        t.occurredAt = TimestampedEntity.now();
        t.persist();
        q.status = to;
        q.statusReason = reason;
        q.statusChangedAt = t.occurredAt;
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.name());
        after.put("reason", reason);
        audit.record(
                AuditAction.TRANSITION,
                QuickWin.AUDIT_TYPE,
                q.id.toString(),
                regionCode,
                Map.of("status", t.from.name()),
                after);
        quickWins.flush();
        return q;
    }

    // --- milestones --------------------------------------------------------------------------

    @Transactional
    public Milestone addMilestone(String regionCode, UUID id, MilestoneRequest r) {
        QuickWin q = open(regionCode, id);
        Milestone m = new Milestone();
        m.id = UUID.randomUUID();
        m.quickWinId = q.id;
        apply(r, m);
        m.persist();
        audit.created(Milestone.AUDIT_TYPE, m.id.toString(), regionCode, milestoneState(m));
        touch(q);
        return m;
    }

    @Transactional
    public Milestone patchMilestone(String regionCode, UUID id, UUID milestoneId, String ifMatch, JsonNode patch) {
        QuickWin q = open(regionCode, id);
        Milestone m = milestone(q, milestoneId);
        ETags.checkIfMatch(ifMatch, m.version);
        MilestoneRequest before = milestoneState(m);
        apply(mergePatch.apply(before, patch, MilestoneRequest.class), m);
        audit.updated(Milestone.AUDIT_TYPE, m.id.toString(), regionCode, before, milestoneState(m));
        touch(q);
        return m;
    }

    @Transactional
    public void deleteMilestone(String regionCode, UUID id, UUID milestoneId, String ifMatch) {
        QuickWin q = open(regionCode, id);
        Milestone m = milestone(q, milestoneId);
        ETags.checkIfMatch(ifMatch, m.version);
        m.delete();
        audit.record(AuditAction.DELETE, Milestone.AUDIT_TYPE, m.id.toString(), regionCode, milestoneState(m), null);
        touch(q);
    }

    // --- progress reports --------------------------------------------------------------------

    @Transactional
    public ProgressReport addReport(String regionCode, UUID id, ProgressReportRequest r) {
        QuickWin q = open(regionCode, id);
        ProgressReport report = new ProgressReport();
        report.id = UUID.randomUUID();
        report.quickWinId = q.id;
        report.reportDate = r.reportDate();
        report.percent = r.percent();
        report.narrative = r.narrative() == null || r.narrative().isBlank()
                ? null
                : r.narrative().strip();
        report.budgetRealised =
                r.budgetRealised() == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(r.budgetRealised());
        report.persist();
        audit.created(ProgressReport.AUDIT_TYPE, report.id.toString(), regionCode, r);
        touch(q);
        return report;
    }

    // --- KPIs --------------------------------------------------------------------------------

    @Transactional
    public Kpi addKpi(String regionCode, UUID id, KpiRequest r) {
        QuickWin q = open(regionCode, id);
        Kpi k = new Kpi();
        k.id = UUID.randomUUID();
        k.quickWinId = q.id;
        apply(r, k);
        k.persist();
        audit.created(Kpi.AUDIT_TYPE, k.id.toString(), regionCode, r);
        return k;
    }

    @Transactional
    public Kpi patchKpi(String regionCode, UUID id, UUID kpiId, String ifMatch, JsonNode patch) {
        QuickWin q = open(regionCode, id);
        Kpi k = quickWins.kpi(q.id, kpiId).orElseThrow(() -> ApiException.notFound("KPI " + kpiId));
        ETags.checkIfMatch(ifMatch, k.version);
        KpiRequest before = kpiState(k);
        KpiRequest after = mergePatch.apply(before, patch, KpiRequest.class);
        apply(after, k);
        audit.updated(Kpi.AUDIT_TYPE, k.id.toString(), regionCode, before, kpiState(k));
        quickWins.flush();
        return k;
    }

    public QuickWin find(String regionCode, UUID id) {
        return quickWins.found(regionCode, id);
    }

    /** A quick win whose parts may change: not COMPLETED or CANCELLED. */
    private QuickWin open(String regionCode, UUID id) {
        QuickWin q = quickWins.locked(regionCode, id, null);
        if (q.status == QuickWinStatus.COMPLETED || q.status == QuickWinStatus.CANCELLED) {
            throw ApiException.conflict(
                    "The quick win is " + q.status + "; its milestones, reports and KPIs are final");
        }
        return q;
    }

    private Milestone milestone(QuickWin q, UUID milestoneId) {
        return quickWins
                .milestone(q.id, milestoneId)
                .orElseThrow(() -> ApiException.notFound("Milestone " + milestoneId));
    }

    /** Its derived progress changed: move its version. */
    private void touch(QuickWin q) {
        q.updatedAt = TimestampedEntity.now();
        quickWins.flush();
    }

    private static void apply(MilestoneRequest r, Milestone m) {
        boolean done = Boolean.TRUE.equals(r.done());
        if (done && r.doneDate() == null) {
            throw ApiException.invalid("doneDate", "is required when done is true");
        }
        if (!done && r.doneDate() != null) {
            throw ApiException.invalid("doneDate", "must be empty while the milestone is not done");
        }
        m.title = r.title().strip();
        m.weight = r.weight();
        m.dueDate = r.dueDate();
        m.done = done;
        m.doneDate = r.doneDate();
    }

    private static void apply(KpiRequest r, Kpi k) {
        k.name = r.name().strip();
        k.unit = r.unit().strip();
        k.baseline = r.baseline();
        k.target = r.target();
        k.actual = r.actual();
        k.direction = r.direction();
    }

    private static MilestoneRequest milestoneState(Milestone m) {
        return new MilestoneRequest(m.title, m.weight, m.dueDate, m.done, m.doneDate);
    }

    private static KpiRequest kpiState(Kpi k) {
        return new KpiRequest(k.name, k.unit, k.baseline, k.target, k.actual, k.direction);
    }

    /** Session and stakeholders of the same region (and the session of the same dimension): 422 otherwise. */
    private void check(String regionCode, QuickWinRequest r) {
        if (r.startDate() != null && r.endDate() != null && r.endDate().isBefore(r.startDate())) {
            throw ApiException.invalid("endDate", "must not be before startDate");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        sessionRefs.check(regionCode, r.fgdSessionId(), r.dimension(), errors);
        stakeholderRefs.check(
                regionCode,
                StakeholderReferences.leadAndPartners(r.leadStakeholderId(), r.partnerStakeholderIds()),
                errors);
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(errors);
        }
    }

    private String subject() {
        return Caller.of(identity).subject();
    }
}
