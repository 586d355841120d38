package id.smartcity.bimtek;

import id.smartcity.bimtek.api.AttendanceTotals;
import id.smartcity.bimtek.api.StageSessionResponse;
import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.persistence.RegionScopedRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Bimtek stages, always filtered to the path's region and the caller's regions in the query; the
 * sessions linked to them and their attendance totals, read from {@code fgd_session} and
 * {@code fgd_participant} in SQL (this feature does not depend on the FGD classes: the FGD feature
 * depends on this one, to check a session's link).
 */
@ApplicationScoped
public class BimtekStageRepository extends RegionScopedRepository<BimtekStage> {

    public BimtekStageRepository() {
        super("Bimtek stage");
    }

    /** At most this many sessions are shown with a stage. */
    public static final int MAX_SESSIONS = 100;

    /**
     * The row share-locked until the transaction ends: an FGD session linked to the stage keeps it
     * from being deleted or transitioned until the session's write commits.
     */
    public Optional<BimtekStage> sharedInRegion(String regionCode, UUID id) {
        return inRegion(regionCode, id, LockModeType.PESSIMISTIC_READ);
    }

    public boolean exists(String regionCode, int cohortYear, int stageNumber, UUID except) {
        Map<String, Object> params = new HashMap<>();
        params.put("year", cohortYear);
        params.put("number", stageNumber);
        params.put("except", except == null ? new UUID(0, 0) : except);
        return count(
                        "cohortYear = :year and stageNumber = :number and id <> :except and "
                                + scope.inRegion(regionCode, params),
                        params)
                > 0;
    }

    public PanacheQuery<BimtekStage> search(String regionCode, BimtekStageFilter f, Sort sort) {
        return find(
                where(regionCode)
                        .and("year", "cohortYear = :year", f.cohortYear())
                        .and("status", "status = :status", f.status()),
                sort);
    }

    /** The sessions linked to each of the stages (of one region), by scheduled start. */
    @SuppressWarnings("unchecked")
    public Map<UUID, List<StageSessionResponse>> sessions(String regionCode, Collection<UUID> stageIds) {
        Map<UUID, List<StageSessionResponse>> result = new LinkedHashMap<>();
        if (stageIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("SELECT bimtek_stage_id, id, title, dimension_code, bimtek_day, scheduled_start,"
                        + " status FROM (SELECT s.*, row_number() OVER (PARTITION BY bimtek_stage_id"
                        + " ORDER BY scheduled_start, id) AS n FROM fgd_session s"
                        + " WHERE bimtek_stage_id = ANY(?1) AND region_code = ?2) ranked"
                        + " WHERE n <= ?3 ORDER BY bimtek_stage_id, scheduled_start, id")
                .setParameter(1, stageIds.toArray(UUID[]::new))
                .setParameter(2, regionCode)
                .setParameter(3, MAX_SESSIONS)
                .getResultList();
        for (Object[] r : rows) {
            UUID sessionId = (UUID) r[1];
            result.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new StageSessionResponse(
                            sessionId,
                            (String) r[2],
                            DimensionCode.valueOf((String) r[3]),
                            ((Number) r[4]).intValue(),
                            time(r[5]),
                            (String) r[6],
                            "/api/v1/regions/" + regionCode + "/fgd-sessions/" + sessionId));
        }
        return result;
    }

    /** The attendance totals of each of the stages (of one region), computed in one query. */
    @SuppressWarnings("unchecked")
    public Map<UUID, AttendanceTotals> totals(String regionCode, Collection<UUID> stageIds) {
        Map<UUID, AttendanceTotals> result = new HashMap<>();
        if (stageIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("SELECT s.bimtek_stage_id, count(DISTINCT s.id),"
                        + " count(DISTINCT s.id) FILTER (WHERE s.status = 'HELD'),"
                        + " count(p.stakeholder_id) FILTER (WHERE s.status <> 'CANCELLED'),"
                        + " count(p.stakeholder_id) FILTER (WHERE s.status <> 'CANCELLED' AND p.attendance = 'ATTENDED'),"
                        + " count(p.stakeholder_id) FILTER (WHERE s.status <> 'CANCELLED' AND p.attendance = 'ABSENT'),"
                        + " count(DISTINCT p.stakeholder_id)"
                        + " FILTER (WHERE s.status <> 'CANCELLED' AND p.attendance = 'ATTENDED')"
                        + " FROM fgd_session s LEFT JOIN fgd_participant p ON p.session_id = s.id"
                        + " WHERE s.bimtek_stage_id = ANY(?1) AND s.region_code = ?2 GROUP BY s.bimtek_stage_id")
                .setParameter(1, stageIds.toArray(UUID[]::new))
                .setParameter(2, regionCode)
                .getResultList();
        for (Object[] r : rows) {
            result.put(
                    (UUID) r[0],
                    new AttendanceTotals(
                            number(r[1]), number(r[2]), number(r[3]), number(r[4]), number(r[5]), number(r[6])));
        }
        return result;
    }

    /** Whether any FGD session is linked to the stage. */
    public boolean hasSessions(UUID stageId) {
        return (Boolean) getEntityManager()
                .createNativeQuery("SELECT EXISTS (SELECT 1 FROM fgd_session WHERE bimtek_stage_id = ?1)")
                .setParameter(1, stageId)
                .getSingleResult();
    }

    /** How many of the stage's sessions have the status. */
    public long sessionsWithStatus(UUID stageId, String status) {
        return number(getEntityManager()
                .createNativeQuery("SELECT count(*) FROM fgd_session WHERE bimtek_stage_id = ?1 AND status = ?2")
                .setParameter(1, stageId)
                .setParameter(2, status)
                .getSingleResult());
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }

    private static OffsetDateTime time(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) o).toInstant().atOffset(ZoneOffset.UTC);
    }
}
