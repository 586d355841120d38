package id.smartcity.readiness;

import id.smartcity.platform.persistence.RegionScopedRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Readiness assessments, always filtered to the path's region and the caller's regions in the query. */
@ApplicationScoped
public class AssessmentRepository extends RegionScopedRepository<ReadinessAssessment> {

    public AssessmentRepository() {
        super("Readiness assessment");
    }

    public PanacheQuery<ReadinessAssessment> search(
            String regionCode, AssessmentStatus status, String frameworkCode, Sort sort) {
        return find(
                where(regionCode)
                        .and("status", "status = :status", status)
                        .and("framework", "framework.frameworkCode = :framework", frameworkCode),
                sort);
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
