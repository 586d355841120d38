package id.smartcity.fgd;

import id.smartcity.platform.security.RegionScope;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** FGD sessions, always filtered to the path's region and the caller's regions in the query. */
@ApplicationScoped
public class FgdSessionRepository implements PanacheRepositoryBase<FgdSession, UUID> {

    @Inject
    RegionScope scope;

    public Optional<FgdSession> findInRegion(String regionCode, UUID id) {
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
    public Optional<FgdSession> lockedInRegion(String regionCode, UUID id) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        return find("id = :id and " + scope.inRegion(regionCode, params), params)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public PanacheQuery<FgdSession> search(String regionCode, FgdSessionFilter f, Sort sort) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope.inRegion(regionCode, params));
        condition(where, params, "dimension", "dimension = :dimension", f.dimension());
        condition(where, params, "status", "status = :status", f.status());
        condition(where, params, "stage", "bimtekStage = :stage", f.stage());
        condition(where, params, "from", "scheduledStart >= :from", f.from());
        condition(where, params, "to", "scheduledStart < :to", f.to());
        return find(where.toString(), sort, params);
    }

    private static void condition(
            StringBuilder where, Map<String, Object> params, String name, String jpql, Object value) {
        if (value != null) {
            where.append(" and ").append(jpql);
            params.put(name, value);
        }
    }
}
