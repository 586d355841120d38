package id.smartcity.quickwin;

import id.smartcity.platform.http.ExactDecimal;
import id.smartcity.quickwin.api.KpiResponse;
import id.smartcity.quickwin.api.MilestoneResponse;
import id.smartcity.quickwin.api.ProgressReportResponse;
import id.smartcity.quickwin.api.QuickWinProgress;
import id.smartcity.quickwin.api.QuickWinRequest;
import id.smartcity.quickwin.api.QuickWinResponse;
import id.smartcity.quickwin.api.QuickWinTransitionResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class QuickWinMapper {

    /** Overdue is judged on the calendar of Western Indonesia, where most regions are. */
    static final ZoneId CALENDAR = ZoneId.of("Asia/Jakarta");

    public QuickWinResponse toResponse(QuickWin q, QuickWinRepository.Derived d) {
        List<UUID> partners = new ArrayList<>(q.partners);
        partners.sort(null);
        return new QuickWinResponse(
                q.id,
                q.regionCode,
                q.title,
                q.description,
                q.dimension,
                q.fgdSessionId,
                q.leadStakeholderId,
                partners,
                money(q.plannedBudget),
                money(d.budgetRealised()),
                "IDR",
                q.fundingSource,
                q.targetYear,
                q.startDate,
                q.endDate,
                q.status,
                q.statusReason,
                q.statusChangedAt,
                new QuickWinProgress(ExactDecimal.of(d.progress()), d.source()),
                q.version,
                q.createdAt,
                q.updatedAt);
    }

    /** The writable state, which a merge patch is applied to and the audit trail records. */
    public QuickWinRequest toState(QuickWin q) {
        List<UUID> partners = new ArrayList<>(q.partners);
        partners.sort(null);
        return new QuickWinRequest(
                q.title,
                q.description,
                q.dimension,
                q.fgdSessionId,
                q.leadStakeholderId,
                partners,
                money(q.plannedBudget),
                q.fundingSource,
                q.targetYear,
                q.startDate,
                q.endDate);
    }

    public void apply(QuickWinRequest r, QuickWin q) {
        q.title = r.title().strip();
        q.description = r.description() == null || r.description().isBlank()
                ? null
                : r.description().strip();
        q.dimension = r.dimension();
        q.fgdSessionId = r.fgdSessionId();
        q.leadStakeholderId = r.leadStakeholderId();
        List<UUID> partners = r.partnerStakeholderIds() == null ? List.of() : r.partnerStakeholderIds();
        if (!q.partners.equals(new java.util.LinkedHashSet<>(partners))) {
            q.partners.clear();
            q.partners.addAll(partners);
        }
        q.plannedBudget = new BigDecimal(r.plannedBudget()).setScale(2, RoundingMode.UNNECESSARY);
        q.fundingSource = r.fundingSource();
        q.targetYear = r.targetYear();
        q.startDate = r.startDate();
        q.endDate = r.endDate();
    }

    public MilestoneResponse toResponse(Milestone m) {
        boolean overdue = !m.done && m.dueDate.isBefore(LocalDate.now(CALENDAR));
        return new MilestoneResponse(m.id, m.title, m.weight, m.dueDate, m.done, m.doneDate, overdue, m.version);
    }

    public ProgressReportResponse toResponse(ProgressReport r) {
        return new ProgressReportResponse(
                r.id, r.reportDate, r.percent, r.narrative, money(r.budgetRealised), r.createdAt);
    }

    public KpiResponse toResponse(Kpi k) {
        return new KpiResponse(
                k.id,
                k.name,
                k.unit,
                k.baseline,
                k.target,
                k.actual,
                k.direction,
                ExactDecimal.of(Attainment.percent(k.direction, k.baseline, k.target, k.actual)),
                k.version);
    }

    public QuickWinTransitionResponse toResponse(QuickWinTransition t) {
        return new QuickWinTransitionResponse(t.from, t.to, t.reason, t.actor, t.occurredAt);
    }

    static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
