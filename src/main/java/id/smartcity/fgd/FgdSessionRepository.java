package id.smartcity.fgd;

import id.smartcity.platform.persistence.RegionScopedRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/** FGD sessions, always filtered to the path's region and the caller's regions in the query. */
@ApplicationScoped
public class FgdSessionRepository extends RegionScopedRepository<FgdSession> {

    public FgdSessionRepository() {
        super("FGD session");
    }

    public PanacheQuery<FgdSession> search(String regionCode, FgdSessionFilter f, Sort sort) {
        return find(
                where(regionCode)
                        .and("dimension", "dimension = :dimension", f.dimension())
                        .and("status", "status = :status", f.status())
                        .and("stage", "bimtekStage = :stage", f.stage())
                        .and("from", "scheduledStart >= :from", f.from())
                        .and("to", "scheduledStart < :to", f.to()),
                sort);
    }
}
