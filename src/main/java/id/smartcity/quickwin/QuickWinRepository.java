package id.smartcity.quickwin;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.persistence.RegionScopedRepository;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Quick wins, always filtered to the path's region and the caller's regions in the query. */
@ApplicationScoped
public class QuickWinRepository extends RegionScopedRepository<QuickWin> {

    @Inject
    AgroalDataSource dataSource;

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

    /** A quick win as one read finds it: not managed (no session, no dirty checking), its numbers with it. */
    public record Read(QuickWin quickWin, Derived derived) {}

    private static final String READ_ONE = "SELECT q.id, q.region_code, q.title, q.description, q.dimension_code,"
            + " q.fgd_session_id, q.lead_stakeholder_id,"
            + " ARRAY(SELECT p.stakeholder_id FROM quick_win_partner p WHERE p.quick_win_id = q.id),"
            + " q.planned_budget, q.funding_source, q.target_year, q.start_date, q.end_date, q.status,"
            + " q.status_reason, q.status_changed_at, q.version, q.created_at, q.updated_at,"
            + " d.progress, d.progress_source, d.budget_realised"
            + " FROM quick_win q LEFT JOIN quick_win_progress d ON d.quick_win_id = q.id"
            + " WHERE q.id = ? AND ";

    /**
     * One quick win of the region with its derived numbers, for a read that changes nothing: one
     * statement on a pooled connection instead of the entity, its partners and its numbers in three
     * through the session (issue #24: about half the CPU of {@code GET /quick-wins/{id}}; figures
     * in src/test/bench/README.md). The same region scope as every other query, in the statement.
     */
    public Optional<Read> readInRegion(String regionCode, UUID id) {
        String sql = READ_ONE + scope.sqlIs("q.region_code", regionCode);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            ps.setString(2, regionCode);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("Reading quick win " + id, e);
        }
    }

    private static Read read(ResultSet r) throws SQLException {
        QuickWin q = new QuickWin();
        q.id = r.getObject(1, UUID.class);
        q.regionCode = r.getString(2);
        q.title = r.getString(3);
        q.description = r.getString(4);
        q.dimension = DimensionCode.valueOf(r.getString(5));
        q.fgdSessionId = r.getObject(6, UUID.class);
        q.leadStakeholderId = r.getObject(7, UUID.class);
        q.partners = new LinkedHashSet<>(Arrays.asList((UUID[]) r.getArray(8).getArray()));
        q.plannedBudget = r.getBigDecimal(9);
        String funding = r.getString(10);
        q.fundingSource = funding == null ? null : FundingSource.valueOf(funding);
        q.targetYear = r.getInt(11);
        q.startDate = r.getObject(12, LocalDate.class);
        q.endDate = r.getObject(13, LocalDate.class);
        q.status = QuickWinStatus.valueOf(r.getString(14));
        q.statusReason = r.getString(15);
        q.statusChangedAt = r.getObject(16, OffsetDateTime.class);
        q.version = r.getLong(17);
        q.createdAt = r.getObject(18, OffsetDateTime.class);
        q.updatedAt = r.getObject(19, OffsetDateTime.class);
        BigDecimal progress = r.getBigDecimal(20);
        Derived d = progress == null ? Derived.NONE : new Derived(progress, r.getString(21), r.getBigDecimal(22));
        return new Read(q, d);
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
