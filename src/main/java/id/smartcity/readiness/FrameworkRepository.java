package id.smartcity.readiness;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Framework versions: global reference data, the same for every region. */
@ApplicationScoped
public class FrameworkRepository implements PanacheRepositoryBase<FrameworkVersion, UUID> {

    public Optional<FrameworkVersion> findVersion(String code, int version) {
        return find("frameworkCode = ?1 and version = ?2", code, version).firstResultOptional();
    }

    public int latestVersion(String code) {
        Integer latest = getEntityManager()
                .createQuery("select max(f.version) from FrameworkVersion f where f.frameworkCode = ?1", Integer.class)
                .setParameter(1, code)
                .getSingleResult();
        return latest == null ? 0 : latest;
    }

    public PanacheQuery<FrameworkVersion> search(String code, Sort sort) {
        return code == null ? findAll(sort) : find("frameworkCode", sort, code);
    }

    /** Used by any assessment of any region: then the version never changes. */
    public boolean inUse(UUID versionId) {
        return getEntityManager()
                        .createQuery("select count(a) from ReadinessAssessment a where a.framework.id = ?1", Long.class)
                        .setParameter(1, versionId)
                        .getSingleResult()
                > 0;
    }
}
