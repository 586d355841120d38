package id.smartcity.stakeholder;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.persistence.RegionScopedRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stakeholders, always filtered to the path's region and the caller's regions in the query. */
@ApplicationScoped
public class StakeholderRepository extends RegionScopedRepository<Stakeholder> {

    public StakeholderRepository() {
        super("Stakeholder");
    }

    public PanacheQuery<Stakeholder> search(String regionCode, StakeholderFilter f, Sort sort) {
        return find(
                where(regionCode)
                        .and(
                                "dimension",
                                "id in (select st.id from Stakeholder st join st.memberships m"
                                        + " where m.dimension = :dimension)",
                                f.dimension())
                        .and("kind", "kind = :kind", f.kind())
                        .and("active", "active = :active", f.active())
                        .matching(f.q()),
                sort);
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
