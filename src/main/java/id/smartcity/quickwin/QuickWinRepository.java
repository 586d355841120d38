package id.smartcity.quickwin;

import id.smartcity.platform.persistence.RegionScopedRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Quick wins, always filtered to the path's region and the caller's regions in the query. */
@ApplicationScoped
public class QuickWinRepository extends RegionScopedRepository<QuickWin> {

    public QuickWinRepository() {
        super("Quick win");
    }

    /** A quick win's derived numbers, from the view quick_win_progress. */
    public record Derived(BigDecimal progress, String source, BigDecimal budgetRealised) {
        static final Derived NONE = new Derived(BigDecimal.ZERO, "NONE", BigDecimal.ZERO);
    }

    public PanacheQuery<QuickWin> search(String regionCode, QuickWinFilter f, Sort sort) {
        return find(
                where(regionCode)
                        .and("dimension", "dimension = :dimension", f.dimension())
                        .and("status", "status = :status", f.status())
                        .and("year", "targetYear = :year", f.targetYear())
                        .and("lead", "leadStakeholderId = :lead", f.leadStakeholderId())
                        .matching(f.q()),
                sort);
    }

    /** Derived progress and realised budget of the given quick wins, in one query. */
    @SuppressWarnings("unchecked")
    public Map<UUID, Derived> derived(Collection<UUID> ids) {
        Map<UUID, Derived> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("SELECT quick_win_id, progress, progress_source, budget_realised"
                        + " FROM quick_win_progress WHERE quick_win_id = ANY(?1)")
                .setParameter(1, ids.toArray(UUID[]::new))
                .getResultList();
        for (Object[] row : rows) {
            result.put((UUID) row[0], new Derived((BigDecimal) row[1], (String) row[2], (BigDecimal) row[3]));
        }
        return result;
    }

    public Derived derived(UUID id) {
        return derived(List.of(id)).getOrDefault(id, Derived.NONE);
    }

    // --- parts: reached through a quick win already found in its region ----------------------

    public PanacheQuery<QuickWinTransition> transitions(UUID quickWinId, Sort sort) {
        return QuickWinTransition.find("quickWinId", sort, quickWinId);
    }

    public PanacheQuery<Milestone> milestones(UUID quickWinId, Sort sort) {
        return Milestone.find("quickWinId", sort, quickWinId);
    }

    public Optional<Milestone> milestone(UUID quickWinId, UUID milestoneId) {
        return Milestone.<Milestone>find("id = ?1 and quickWinId = ?2", milestoneId, quickWinId)
                .firstResultOptional();
    }

    public PanacheQuery<ProgressReport> reports(UUID quickWinId, Sort sort) {
        return ProgressReport.find("quickWinId", sort, quickWinId);
    }

    public PanacheQuery<Kpi> kpis(UUID quickWinId, Sort sort) {
        return Kpi.find("quickWinId", sort, quickWinId);
    }

    public Optional<Kpi> kpi(UUID quickWinId, UUID kpiId) {
        return Kpi.<Kpi>find("id = ?1 and quickWinId = ?2", kpiId, quickWinId).firstResultOptional();
    }
}
