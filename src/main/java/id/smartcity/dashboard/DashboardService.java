package id.smartcity.dashboard;

import id.smartcity.dimension.Dimension;
import id.smartcity.dimension.DimensionCode;
import id.smartcity.masterplan.Horizon;
import id.smartcity.platform.http.ExactDecimal;
import id.smartcity.platform.http.LocalizedText;
import id.smartcity.quickwin.QuickWinStatus;
import id.smartcity.readiness.AssessmentRepository;
import id.smartcity.readiness.ReadinessAssessment;
import id.smartcity.readiness.ReadinessResults;
import id.smartcity.readiness.api.ResultResponse;
import id.smartcity.region.RegionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboard of one region, from aggregate queries grouped by dimension (no row of a quick
 * win, milestone or program is loaded), the ENACTED masterplan's figures and the latest verified
 * readiness result; reused from
 * {@link DashboardCache} while the region has not changed.
 */
@ApplicationScoped
public class DashboardService {

    static final ZoneId CALENDAR = ZoneId.of("Asia/Jakarta");

    @Inject
    EntityManager em;

    @Inject
    RegionRepository regions;

    @Inject
    AssessmentRepository assessments;

    @Inject
    ReadinessResults results;

    @Inject
    DashboardCache cache;

    private static final class Sums {
        final Map<String, Long> byStatus = new LinkedHashMap<>();
        long stakeholders;
        long held;
        long planned;
        long cancelled;
        long overdue;
        long counted;
        BigDecimal budgetPlanned = BigDecimal.ZERO;
        BigDecimal budgetRealised = BigDecimal.ZERO;
        BigDecimal progressSum = BigDecimal.ZERO;
        BigDecimal weightedProgressSum = BigDecimal.ZERO;
        final Map<String, Long> programsByHorizon = new LinkedHashMap<>();
        BigDecimal planThisYear = BigDecimal.ZERO;
        BigDecimal realisedThisYear = BigDecimal.ZERO;

        Sums() {
            for (QuickWinStatus s : QuickWinStatus.values()) {
                byStatus.put(s.name(), 0L);
            }
            for (Horizon h : Horizon.values()) {
                programsByHorizon.put(h.name(), 0L);
            }
        }
    }

    /** The region's dashboard with its content ETag; 404 for a region the caller may not see. */
    public DashboardCache.Entry dashboard(String regionCode) {
        regions.visible(regionCode);
        LocalDate today = LocalDate.now(CALENDAR);
        // The counter first, then the figures (each query sees at least what the counter counted).
        long stamp = cache.stamp(regionCode);
        DashboardCache.Entry cached = cache.find(regionCode, stamp, today);
        return cached != null ? cached : cache.put(regionCode, stamp, today, compute(regionCode, today));
    }

    private DashboardResponse compute(String regionCode, LocalDate today) {
        Map<DimensionCode, Sums> sums = new EnumMap<>(DimensionCode.class);
        for (DimensionCode d : DimensionCode.values()) {
            sums.put(d, new Sums());
        }
        for (Object[] row : rows(
                "SELECT m.dimension_code, count(DISTINCT s.id) FROM stakeholder s"
                        + " JOIN stakeholder_membership m ON m.stakeholder_id = s.id"
                        + " WHERE s.region_code = ?1 AND s.active GROUP BY m.dimension_code",
                regionCode)) {
            sums.get(DimensionCode.valueOf((String) row[0])).stakeholders = ((Number) row[1]).longValue();
        }
        for (Object[] row : rows(
                "SELECT dimension_code, status, count(*) FROM fgd_session WHERE region_code = ?1"
                        + " GROUP BY dimension_code, status",
                regionCode)) {
            Sums s = sums.get(DimensionCode.valueOf((String) row[0]));
            long n = ((Number) row[2]).longValue();
            switch ((String) row[1]) {
                case "HELD" -> s.held = n;
                case "PLANNED" -> s.planned = n;
                default -> s.cancelled = n;
            }
        }
        for (Object[] row : rows(
                "SELECT dimension_code, status, count(*), sum(planned_budget), sum(budget_realised),"
                        + " sum(progress), sum(progress * planned_budget)"
                        + " FROM quick_win_progress WHERE region_code = ?1 GROUP BY dimension_code, status",
                regionCode)) {
            Sums s = sums.get(DimensionCode.valueOf((String) row[0]));
            long n = ((Number) row[2]).longValue();
            s.byStatus.put((String) row[1], n);
            if (!QuickWinStatus.CANCELLED.name().equals(row[1])) {
                s.counted += n;
                s.budgetPlanned = s.budgetPlanned.add((BigDecimal) row[3]);
                s.budgetRealised = s.budgetRealised.add((BigDecimal) row[4]);
                s.progressSum = s.progressSum.add((BigDecimal) row[5]);
                s.weightedProgressSum = s.weightedProgressSum.add((BigDecimal) row[6]);
            }
        }
        for (Object[] row : rows(
                "SELECT q.dimension_code, count(*) FROM milestone m JOIN quick_win q ON q.id = m.quick_win_id"
                        + " WHERE q.region_code = ?1 AND NOT m.done AND m.due_date < ?2"
                        + " AND q.status NOT IN ('COMPLETED', 'CANCELLED') GROUP BY q.dimension_code",
                regionCode,
                today)) {
            sums.get(DimensionCode.valueOf((String) row[0])).overdue = ((Number) row[1]).longValue();
        }
        DashboardResponse.EnactedMasterplan plan = plan(regionCode, today, sums);
        Map<String, Dimension> names = new LinkedHashMap<>();
        em.createQuery("from Dimension", Dimension.class).getResultList().forEach(d -> names.put(d.code, d));
        List<DashboardResponse.DimensionFigures> dimensions = new ArrayList<>();
        for (DimensionCode d : DimensionCode.values()) {
            Sums s = sums.get(d);
            Dimension dim = names.get(d.name());
            dimensions.add(new DashboardResponse.DimensionFigures(
                    d,
                    dim == null ? null : new LocalizedText(dim.nameId, dim.nameEn),
                    s.stakeholders,
                    new DashboardResponse.FgdFigures(s.held, s.planned, s.cancelled),
                    s.byStatus,
                    money(s.budgetPlanned),
                    money(s.budgetRealised),
                    "IDR",
                    s.counted == 0
                            ? null
                            : ExactDecimal.of(
                                    s.progressSum.divide(BigDecimal.valueOf(s.counted), MathContext.DECIMAL128)),
                    s.budgetPlanned.signum() == 0
                            ? null
                            : ExactDecimal.of(s.weightedProgressSum.divide(s.budgetPlanned, MathContext.DECIMAL128)),
                    s.overdue,
                    plan == null
                            ? null
                            : new DashboardResponse.PlanFigures(
                                    s.programsByHorizon, money(s.planThisYear), money(s.realisedThisYear))));
        }
        return new DashboardResponse(regionCode, today, dimensions, readiness(regionCode), plan);
    }

    /**
     * The ENACTED masterplan version (null if none) and, per dimension, its programs by horizon,
     * its budget of today's year, and the quick wins' budget realised in reports of that year.
     */
    private DashboardResponse.EnactedMasterplan plan(
            String regionCode, LocalDate today, Map<DimensionCode, Sums> sums) {
        List<Object[]> enacted = rows(
                "SELECT id, number, title, regulation_number, regulation_date, start_year FROM masterplan"
                        + " WHERE region_code = ?1 AND status = 'ENACTED'",
                regionCode);
        if (enacted.isEmpty()) {
            return null;
        }
        Object[] e = enacted.get(0);
        UUID id = (UUID) e[0];
        int startYear = ((Number) e[5]).intValue();
        for (Object[] row : rows(
                "SELECT dimension_code, horizon, count(*) FROM masterplan_program WHERE masterplan_id = ?1"
                        + " GROUP BY dimension_code, horizon",
                id)) {
            sums.get(DimensionCode.valueOf((String) row[0]))
                    .programsByHorizon
                    .put((String) row[1], ((Number) row[2]).longValue());
        }
        for (Object[] row : rows(
                "SELECT p.dimension_code, sum(b.amount) FROM masterplan_program p"
                        + " JOIN masterplan_program_budget b ON b.program_id = p.id"
                        + " WHERE p.masterplan_id = ?1 AND b.year = ?2 GROUP BY p.dimension_code",
                id,
                today.getYear())) {
            sums.get(DimensionCode.valueOf((String) row[0])).planThisYear = (BigDecimal) row[1];
        }
        for (Object[] row : rows(
                "SELECT q.dimension_code, sum(r.budget_realised) FROM progress_report r"
                        + " JOIN quick_win q ON q.id = r.quick_win_id WHERE q.region_code = ?1"
                        + " AND q.status <> 'CANCELLED' AND r.report_date >= ?2 AND r.report_date < ?3"
                        + " GROUP BY q.dimension_code",
                regionCode,
                LocalDate.of(today.getYear(), 1, 1),
                LocalDate.of(today.getYear() + 1, 1, 1))) {
            sums.get(DimensionCode.valueOf((String) row[0])).realisedThisYear = (BigDecimal) row[1];
        }
        java.sql.Date regulationDate = e[4] instanceof java.sql.Date d ? d : null;
        return new DashboardResponse.EnactedMasterplan(
                id,
                ((Number) e[1]).intValue(),
                (String) e[2],
                (String) e[3],
                regulationDate != null ? regulationDate.toLocalDate() : (e[4] instanceof LocalDate l ? l : null),
                startYear,
                startYear + 9);
    }

    private DashboardResponse.Readiness readiness(String regionCode) {
        ReadinessAssessment latest =
                assessments.latestVerified(regionCode, "READINESS").orElse(null);
        if (latest == null) {
            return null;
        }
        ResultResponse r = results.result(latest);
        return new DashboardResponse.Readiness(
                r.assessmentId(),
                r.period(),
                r.framework().version(),
                r.index(),
                r.band() == null
                        ? null
                        : new LocalizedText(
                                r.band().predicate().id(), r.band().predicate().en()),
                r.pillars().stream()
                        .map(p -> new DashboardResponse.PillarScore(p.code(), p.score()))
                        .toList(),
                r.change() == null ? null : r.change().indexDelta());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getResultList();
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
