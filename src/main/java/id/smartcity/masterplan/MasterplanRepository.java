package id.smartcity.masterplan;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.persistence.RegionScopedRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Masterplan versions and their programs, always filtered to the path's region and the caller's regions. */
@ApplicationScoped
public class MasterplanRepository extends RegionScopedRepository<Masterplan> {

    public MasterplanRepository() {
        super("Masterplan");
    }

    public PanacheQuery<Masterplan> search(String regionCode, MasterplanFilter f, Sort sort) {
        return find(where(regionCode).and("status", "status = :status", f.status()), sort);
    }

    /** The region's ENACTED version, locked (at most one: index masterplan_one_enacted_idx). */
    public Optional<Masterplan> lockedEnacted(String regionCode) {
        Map<String, Object> params = new HashMap<>();
        params.put("status", MasterplanStatus.ENACTED);
        return find("status = :status and " + scope.inRegion(regionCode, params), params)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The region's next version number, never one handed out before (table masterplan_number). */
    public int nextNumber(String regionCode) {
        Number next = (Number) getEntityManager()
                .createNativeQuery("INSERT INTO masterplan_number (region_code, last_number) VALUES (?1, 1)"
                        + " ON CONFLICT (region_code) DO UPDATE SET last_number = masterplan_number.last_number + 1"
                        + " RETURNING last_number")
                .setParameter(1, regionCode)
                .getSingleResult();
        return next.intValue();
    }

    /** Program counts of the given versions. */
    public Map<UUID, Long> programCounts(List<UUID> ids) {
        Map<UUID, Long> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        getEntityManager()
                .createQuery(
                        "select p.masterplanId, count(p) from Program p where p.masterplanId in :ids group by p.masterplanId",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(r -> counts.put((UUID) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    // --- programs: reached through a masterplan already found in its region -------------------

    public PanacheQuery<Program> programs(Masterplan m, DimensionCode dimension, Horizon horizon, Sort sort) {
        Map<String, Object> params = new HashMap<>();
        params.put("m", m.id);
        StringBuilder where = new StringBuilder("masterplanId = :m and " + scope.inRegion(m.regionCode, params));
        if (dimension != null) {
            where.append(" and dimension = :dimension");
            params.put("dimension", dimension);
        }
        if (horizon != null) {
            where.append(" and horizon = :horizon");
            params.put("horizon", horizon);
        }
        return Program.find(where.toString(), sort, params);
    }

    /** Every program of the version, by dimension, start year and title. */
    public List<Program> allPrograms(Masterplan m) {
        return programs(
                        m,
                        null,
                        null,
                        Sort.by("dimension").and("startYear").and("title").and("id"))
                .list();
    }

    public Optional<Program> program(Masterplan m, UUID programId) {
        Map<String, Object> params = new HashMap<>();
        params.put("m", m.id);
        params.put("id", programId);
        return Program.<Program>find(
                        "id = :id and masterplanId = :m and " + scope.inRegion(m.regionCode, params), params)
                .firstResultOptional();
    }

    /** The program of the version that the quick win delivers, other than {@code except}. */
    public Optional<Program> programOfQuickWin(UUID masterplanId, UUID quickWinId, UUID except) {
        return Program.<Program>find(
                        "masterplanId = ?1 and quickWinId = ?2 and id <> ?3",
                        masterplanId,
                        quickWinId,
                        except == null ? new UUID(0, 0) : except)
                .firstResultOptional();
    }
}
