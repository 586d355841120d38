package id.smartcity.demo;

import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditTrail;
import id.smartcity.fgd.FgdSession;
import id.smartcity.quickwin.FundingSource;
import id.smartcity.quickwin.Kpi;
import id.smartcity.quickwin.KpiDirection;
import id.smartcity.quickwin.Milestone;
import id.smartcity.quickwin.ProgressReport;
import id.smartcity.quickwin.QuickWin;
import id.smartcity.quickwin.QuickWinMapper;
import id.smartcity.quickwin.QuickWinStatus;
import id.smartcity.stakeholder.Stakeholder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** The demo's quick wins, one per FGD session of Stage II day one ({@link DemoData} calls it per session). */
@ApplicationScoped
class DemoQuickWins {

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    QuickWinMapper mapper;

    /**
     * One quick win per Stage II session, in progress, with four milestones (the first ones done),
     * two progress reports and a KPI. Budgets are invented, in the range of the ICT budget reported
     * in 2023 (Rp 2,560,783,220).
     */
    void add(FgdSession session, Stakeholder lead, String title, int n) {
        QuickWin q = new QuickWin();
        q.id = UUID.nameUUIDFromBytes(("demo-quick-win-" + session.dimension).getBytes(StandardCharsets.UTF_8));
        q.regionCode = DemoData.PURBALINGGA;
        q.title = Character.toUpperCase(title.charAt(0)) + title.substring(1);
        q.description = "Program unggulan hasil FGD " + session.title + ", Bimtek Smart City Tahap II.";
        q.dimension = session.dimension;
        q.fgdSessionId = session.id;
        q.leadStakeholderId = lead.id;
        q.plannedBudget = BigDecimal.valueOf(150_000_000L + 50_000_000L * n).setScale(2);
        q.fundingSource = n == 4 ? FundingSource.CSR : FundingSource.APBD;
        q.targetYear = 2025;
        q.startDate = LocalDate.of(2025, 1, 6);
        q.endDate = LocalDate.of(2025, 12, 19);
        q.status = QuickWinStatus.IN_PROGRESS;
        q.statusReason = "Disetujui Tim Pelaksana";
        q.statusChangedAt = OffsetDateTime.of(2025, 1, 6, 9, 0, 0, 0, DemoData.WIB);
        em.persist(q);
        audit.created(QuickWin.AUDIT_TYPE, q.id.toString(), DemoData.PURBALINGGA, mapper.toState(q));
        audit.record(
                AuditAction.TRANSITION,
                QuickWin.AUDIT_TYPE,
                q.id.toString(),
                DemoData.PURBALINGGA,
                Map.of("status", "PROPOSED"),
                Map.of("status", "IN_PROGRESS", "reason", q.statusReason));
        String[] steps = {"Kajian kebutuhan", "Pengembangan sistem", "Uji coba di OPD percontohan", "Peluncuran"};
        int[] weights = {1, 3, 2, 1};
        for (int i = 0; i < steps.length; i++) {
            Milestone m = new Milestone();
            m.id = UUID.nameUUIDFromBytes(("demo-milestone-" + session.dimension + i).getBytes(StandardCharsets.UTF_8));
            m.quickWinId = q.id;
            m.title = steps[i];
            m.weight = BigDecimal.valueOf(weights[i]);
            m.dueDate = LocalDate.of(2025, 3 + 3 * i, 28);
            m.done = i < 1 + n % 2;
            m.doneDate = m.done ? m.dueDate.minusDays(3) : null;
            em.persist(m);
            audit.created(
                    Milestone.AUDIT_TYPE,
                    m.id.toString(),
                    DemoData.PURBALINGGA,
                    Map.of("title", m.title, "weight", weights[i]));
        }
        for (int r = 0; r < 2; r++) {
            ProgressReport report = new ProgressReport();
            report.id =
                    UUID.nameUUIDFromBytes(("demo-report-" + session.dimension + r).getBytes(StandardCharsets.UTF_8));
            report.quickWinId = q.id;
            report.reportDate = LocalDate.of(2025, 3 + 3 * r, 30);
            report.percent = BigDecimal.valueOf(15L + 20L * r + 5L * n);
            report.narrative = r == 0 ? "Kajian kebutuhan selesai." : "Pengembangan berjalan sesuai jadwal.";
            report.budgetRealised =
                    q.plannedBudget.multiply(new BigDecimal("0.15")).setScale(2);
            em.persist(report);
            audit.created(
                    ProgressReport.AUDIT_TYPE,
                    report.id.toString(),
                    DemoData.PURBALINGGA,
                    Map.of("percent", report.percent.toPlainString()));
        }
        Kpi kpi = new Kpi();
        kpi.id = UUID.nameUUIDFromBytes(("demo-kpi-" + session.dimension).getBytes(StandardCharsets.UTF_8));
        kpi.quickWinId = q.id;
        kpi.name = "Pengguna layanan per bulan";
        kpi.unit = "orang";
        kpi.baseline = BigDecimal.valueOf(200);
        kpi.target = BigDecimal.valueOf(2000);
        kpi.actual = BigDecimal.valueOf(650 + 100L * n);
        kpi.direction = KpiDirection.HIGHER_IS_BETTER;
        em.persist(kpi);
        audit.created(
                Kpi.AUDIT_TYPE, kpi.id.toString(), DemoData.PURBALINGGA, Map.of("name", kpi.name, "target", 2000));
    }
}
