package id.smartcity.platform.persistence;

import id.smartcity.platform.http.ETags;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.security.RegionScope;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A repository of rows that belong to a region, always filtered to the path's region and the
 * caller's regions in the query itself ({@link RegionScope#inRegion}): a row of another region is
 * never loaded and is answered as 404 like a row that does not exist.
 */
public abstract class RegionScopedRepository<E extends RegionScopedEntity> implements PanacheRepositoryBase<E, UUID> {

    @Inject
    protected RegionScope scope;

    /** What a row is called in a 404, e.g. {@code "FGD session"}. */
    private final String noun;

    protected RegionScopedRepository(String noun) {
        this.noun = noun;
    }

    /** The row of the region, or 404. */
    public E found(String regionCode, UUID id) {
        return findInRegion(regionCode, id).orElseThrow(() -> notFound(id));
    }

    /** The row for a write: locked ({@link #lockedInRegion}) or 404, its If-Match checked when given. */
    public E locked(String regionCode, UUID id, String ifMatch) {
        E row = lockedInRegion(regionCode, id).orElseThrow(() -> notFound(id));
        ETags.checkIfMatch(ifMatch, row.version);
        return row;
    }

    public ApiException notFound(UUID id) {
        return ApiException.notFound(noun + " " + id);
    }

    public Optional<E> findInRegion(String regionCode, UUID id) {
        return inRegion(regionCode, id, null);
    }

    /**
     * {@link #findInRegion}, with the row locked until the transaction ends. Every write of the
     * aggregate locks its root first, so writers of one aggregate queue up on it (and read its
     * current version) instead of racing to a stale update; the audit chain head is locked last
     * ({@code AuditTrail}).
     */
    public Optional<E> lockedInRegion(String regionCode, UUID id) {
        return inRegion(regionCode, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The row of the region with this id, locked with {@code lock} (none when null). */
    protected Optional<E> inRegion(String regionCode, UUID id, LockModeType lock) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        PanacheQuery<E> q = find("id = :id and " + scope.inRegion(regionCode, params), params);
        return (lock == null ? q : q.withLock(lock)).firstResultOptional();
    }

    /** The region's rows, to narrow with {@link Where#and} and {@link #find(Where, Sort)}. */
    protected Where where(String regionCode) {
        Map<String, Object> params = new HashMap<>();
        return new Where(scope.inRegion(regionCode, params), params);
    }

    protected PanacheQuery<E> find(Where where, Sort sort) {
        return find(where.jpql(), sort, where.params());
    }
}
