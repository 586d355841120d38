package id.smartcity.region;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every path with a {@code {regionCode}} segment gets it checked here, once: a value that is not a
 * Kemendagri code at all is a 400 naming {@code regionCode}, before any resource runs.
 */
public class RegionCodeFilter {

    @ServerRequestFilter
    public void checkRegionCode(UriInfo uri) {
        String code = uri.getPathParameters().getFirst("regionCode");
        if (code != null) {
            RegionCodes.requireValid(code);
        }
    }
}
