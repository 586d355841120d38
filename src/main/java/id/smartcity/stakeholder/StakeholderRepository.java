package id.smartcity.stakeholder;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.persistence.TextSearch;
import id.smartcity.platform.security.RegionScope;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stakeholders, always filtered to the path's region and the caller's regions in the query. */
@ApplicationScoped
public class StakeholderRepository implements PanacheRepositoryBase<Stakeholder, UUID> {

    @Inject
    RegionScope scope;

    public Optional<Stakeholder> findInRegion(String regionCode, UUID id) {
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
    public Optional<Stakeholder> lockedInRegion(String regionCode, UUID id) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        return find("id = :id and " + scope.inRegion(regionCode, params), params)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public PanacheQuery<Stakeholder> search(String regionCode, StakeholderFilter f, Sort sort) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope.inRegion(regionCode, params));
        if (f.dimension() != null) {
            where.append(" and id in (select st.id from Stakeholder st join st.memberships m"
                    + " where m.dimension = :dimension)");
            params.put("dimension", f.dimension());
        }
        if (f.kind() != null) {
            where.append(" and kind = :kind");
            params.put("kind", f.kind());
        }
        if (f.active() != null) {
            where.append(" and active = :active");
            params.put("active", f.active());
        }
        if (f.q() != null) {
            where.append(" and searchText like :q escape '\\'");
            params.put("q", TextSearch.containing(f.q()));
        }
        return find(where.toString(), sort, params);
    }

    /** The stakeholder other than {@code except} that leads {@code dimension} in the region, if any. */
    public Optional<Stakeholder> currentLead(String regionCode, DimensionCode dimension, UUID except) {
        return find(
                        "select s from Stakeholder s join s.memberships m where s.regionCode = ?1"
                                + " and m.dimension = ?2 and m.role = ?3 and s.id <> ?4",
                        regionCode,
                        dimension,
                        MembershipRole.LEAD,
                        except)
                .firstResultOptional();
    }

    /** Whether an FGD session, a quick win or a masterplan program refers to the stakeholder: then it is archived, never deleted. */
    public boolean isReferenced(UUID id) {
        return (Boolean) getEntityManager()
                .createNativeQuery("SELECT EXISTS (SELECT 1 FROM fgd_participant WHERE stakeholder_id = ?1)"
                        + " OR EXISTS (SELECT 1 FROM fgd_session WHERE facilitator_stakeholder_id = ?1)"
                        + " OR EXISTS (SELECT 1 FROM quick_win WHERE lead_stakeholder_id = ?1)"
                        + " OR EXISTS (SELECT 1 FROM quick_win_partner WHERE stakeholder_id = ?1)"
                        + " OR EXISTS (SELECT 1 FROM bimtek_stage_facilitator WHERE stakeholder_id = ?1)"
                        + " OR EXISTS (SELECT 1 FROM masterplan_program WHERE lead_stakeholder_id = ?1)"
                        + " OR EXISTS (SELECT 1 FROM masterplan_program_partner WHERE stakeholder_id = ?1)")
                .setParameter(1, id)
                .getSingleResult();
    }

    /** Of {@code ids}, those that are stakeholders of the region. */
    public List<Stakeholder> inRegion(String regionCode, Collection<UUID> ids) {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", ids);
        return list("id in :ids and " + scope.inRegion(regionCode, params), params);
    }
}
