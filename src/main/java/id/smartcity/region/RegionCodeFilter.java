package id.smartcity.region;

import id.smartcity.platform.http.RequestPipeline;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.security.RegionCodes;
import id.smartcity.platform.security.RegionScope;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every path with a {@code {regionCode}} segment gets it resolved here, once, for every operation
 * under {@code /regions/{regionCode}}: a value that is not a Kemendagri code at all is a 400 naming
 * {@code regionCode}; a region that does not exist, or that the caller may not see, is a 404 — the
 * same answer {@code GET /regions/{regionCode}} gives, so that no collection, trend, dashboard or
 * export under it can tell "nothing here" from "not yours" (DESIGN §6). The repositories still
 * filter by region in each query behind this.
 *
 * <p>An anonymous request passes on to the security check, which answers 401.
 */
public class RegionCodeFilter {

    /** Regions are never deleted: once seen to exist, a code needs no query again. */
    private static final Set<String> EXISTING = ConcurrentHashMap.newKeySet();

    @Inject
    SecurityIdentity identity;

    @Inject
    RegionScope scope;

    @Inject
    RegionRepository regions;

    @ServerRequestFilter(priority = RequestPipeline.REGION)
    public void checkRegionCode(UriInfo uri) {
        String code = uri.getPathParameters().getFirst("regionCode");
        if (code == null) {
            return;
        }
        RegionCodes.requireValid(code);
        if (identity.isAnonymous()) {
            return;
        }
        if (!scope.sees(code) || !exists(code)) {
            throw ApiException.notFound("Region " + code);
        }
    }

    private boolean exists(String code) {
        if (EXISTING.contains(code)) {
            return true;
        }
        boolean exists = regions.existsAnywhere(code);
        if (exists) {
            EXISTING.add(code);
        }
        return exists;
    }
}
