package id.smartcity.readiness;

import id.smartcity.platform.security.RegionScope;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Readiness assessments, always filtered to the path's region and the caller's regions in the query. */
@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<ReadinessAssessment, UUID> {

    @Inject
    RegionScope scope;

    public Optional<ReadinessAssessment> findInRegion(String regionCode, UUID id) {
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
    public Optional<ReadinessAssessment> lockedInRegion(String regionCode, UUID id) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        return find("id = :id and " + scope.inRegion(regionCode, params), params)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public PanacheQuery<ReadinessAssessment> search(
            String regionCode, AssessmentStatus status, String frameworkCode, Sort sort) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope.inRegion(regionCode, params));
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (frameworkCode != null) {
            where.append(" and framework.frameworkCode = :framework");
            params.put("framework", frameworkCode);
        }
        return find(where.toString(), sort, params);
    }

    /** Verified assessments of the region under the framework code, oldest period first. */
    public List<ReadinessAssessment> verified(String regionCode, String frameworkCode) {
        Map<String, Object> params = new HashMap<>();
        params.put("framework", frameworkCode);
        params.put("verified", AssessmentStatus.VERIFIED);
        return list(
                scope.inRegion(regionCode, params) + " and framework.frameworkCode = :framework and status = :verified",
                Sort.by("period").and("verifiedAt"),
                params);
    }

    /** The latest verified assessment (last period, then last verified) of the region under the framework code. */
    public Optional<ReadinessAssessment> latestVerified(String regionCode, String frameworkCode) {
        Map<String, Object> params = new HashMap<>();
        params.put("framework", frameworkCode);
        params.put("verified", AssessmentStatus.VERIFIED);
        return find(
                        scope.inRegion(regionCode, params)
                                + " and framework.frameworkCode = :framework and status = :verified",
                        Sort.descending("period", "verifiedAt"),
                        params)
                .firstResultOptional();
    }

    /**
     * The verified assessment that {@code a}'s change is measured against: the latest one of an
     * earlier period, same region and framework code.
     */
    public Optional<ReadinessAssessment> previousVerified(ReadinessAssessment a) {
        Map<String, Object> params = new HashMap<>();
        params.put("framework", a.framework.frameworkCode);
        params.put("verified", AssessmentStatus.VERIFIED);
        params.put("id", a.id);
        params.put("period", a.period);
        return find(
                        scope.inRegion(a.regionCode, params)
                                + " and framework.frameworkCode = :framework and status = :verified and id <> :id"
                                + " and period < :period",
                        Sort.descending("period", "verifiedAt"),
                        params)
                .firstResultOptional();
    }

    public boolean exists(String regionCode, UUID frameworkVersionId, String period) {
        return count("regionCode = ?1 and framework.id = ?2 and period = ?3", regionCode, frameworkVersionId, period)
                > 0;
    }
}
