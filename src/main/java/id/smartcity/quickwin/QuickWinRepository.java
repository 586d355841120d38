package id.smartcity.quickwin;

import id.smartcity.platform.persistence.TextSearch;
import id.smartcity.platform.security.RegionScope;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Quick wins, always filtered to the path's region and the caller's regions in the query. */
@ApplicationScoped
public class QuickWinRepository implements PanacheRepositoryBase<QuickWin, UUID> {

    @Inject
    RegionScope scope;

    /** A quick win's derived numbers, from the view quick_win_progress. */
    public record Derived(BigDecimal progress, String source, BigDecimal budgetRealised) {
        static final Derived NONE = new Derived(BigDecimal.ZERO, "NONE", BigDecimal.ZERO);
    }

    public Optional<QuickWin> findInRegion(String regionCode, UUID id) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        return find("id = :id and " + scope.inRegion(regionCode, params), params)
                .firstResultOptional();
    }

    /**
     * {@link #findInRegion}, with the row locked until the transaction ends. Every write of the
     * aggregate locks its root first, so writers of one aggregate queue up on it (and read its
     * current version) instead of racing to a stale update; the audit chain head is locked last
     * ({@code AuditTrail}).
     */
    public Optional<QuickWin> lockedInRegion(String regionCode, UUID id) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        return find("id = :id and " + scope.inRegion(regionCode, params), params)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public PanacheQuery<QuickWin> search(String regionCode, QuickWinFilter f, Sort sort) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope.inRegion(regionCode, params));
        add(where, params, "dimension", "dimension = :dimension", f.dimension());
        add(where, params, "status", "status = :status", f.status());
        add(where, params, "year", "targetYear = :year", f.targetYear());
        add(where, params, "lead", "leadStakeholderId = :lead", f.leadStakeholderId());
        if (f.q() != null) {
            where.append(" and searchText like :q escape '\\'");
            params.put("q", TextSearch.containing(f.q()));
        }
        return find(where.toString(), sort, params);
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

    private static void add(StringBuilder where, Map<String, Object> params, String name, String jpql, Object value) {
        if (value != null) {
            where.append(" and ").append(jpql);
            params.put(name, value);
        }
    }
}
