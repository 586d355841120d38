package id.smartcity.platform.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code OPTIONS} on a path of the API: 200 with the {@code Allow} of {@link AllowedMethods}, the
 * same list a 405 on that path carries. The REST layer's own answer lists the methods of every path
 * of the resource class that matched ({@code DELETE, PATCH} on a list that has neither). A CORS
 * preflight (it names {@code Access-Control-Request-Method}) is left to the CORS filters, and a
 * path no operation answers goes on to its 404.
 */
public class OptionsRequests {

    static final String PREFLIGHT = "Access-Control-Request-Method";

    @Inject
    AllowedMethods allowedMethods;

    @ServerRequestFilter(preMatching = true, priority = RequestPipeline.OPTIONS)
    public Response answer(ContainerRequestContext request) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) || request.getHeaderString(PREFLIGHT) != null) {
            return null;
        }
        String allow =
                allowedMethods.forPath(request.getUriInfo().getRequestUri().getRawPath());
        if (allow == null) {
            return null;
        }
        return Response.ok().header(HttpHeaders.ALLOW, allow).build();
    }
}
