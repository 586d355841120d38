package id.smartcity.region;

import id.smartcity.platform.persistence.TextSearch;
import id.smartcity.platform.problem.ApiException;
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

/** Regions, always filtered to the caller's regions in the query itself. */
@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<Region, String> {

    @Inject
    RegionScope scope;

    public Optional<Region> findVisible(String code) {
        Map<String, Object> params = new HashMap<>();
        return find(scope.is("code", code, "code", params), params).firstResultOptional();
    }

    /** The region, if the caller sees it; 404 otherwise. */
    public Region visible(String code) {
        return findVisible(code).orElseThrow(() -> ApiException.notFound("Region " + code));
    }

    /** {@link #findVisible}, row-locked until the transaction ends (lock order: AuditTrail). */
    public Optional<Region> lockedVisible(String code) {
        Map<String, Object> params = new HashMap<>();
        return find(scope.is("code", code, "code", params), params)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public PanacheQuery<Region> listVisible(String q, RegionType type, Sort sort) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope.jpql("code", params));
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(name) like :q escape '\\' or code like :q escape '\\')");
            params.put("q", TextSearch.containing(q));
        }
        if (type != null) {
            where.append(" and type = :type");
            params.put("type", type);
        }
        return find(where.toString(), sort, params);
    }

    /** Whether a region with this code exists, whoever may see it. */
    public boolean existsAnywhere(String code) {
        return count("code", code) > 0;
    }
}
