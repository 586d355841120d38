package id.smartcity.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Problem bodies for what the HTTP layer answers before the REST layer sees a request: a body
 * declared larger than the limit (413), and a path outside every route (404).
 */
@ApplicationScoped
public class HttpProblems {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void register(@Observes Filters filters) {
        // Right after the request id is set, before the body is read.
        filters.register(this::rejectOversizedBody, Integer.MAX_VALUE - 1);
    }

    void fallback(@Observes Router router) {
        router.route()
                .order(Integer.MAX_VALUE)
                .handler(rc -> write(rc, new Problem(ProblemType.NOT_FOUND, "No resource at this path", null)));
    }

    private void rejectOversizedBody(RoutingContext rc) {
        String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBodySize.asLongValue()) {
                    write(
                            rc,
                            new Problem(
                                    ProblemType.PAYLOAD_TOO_LARGE,
                                    "The request body is larger than the limit of " + maxBodySize.asLongValue() / 1024
                                            + " KiB",
                                    null));
                    return;
                }
            } catch (NumberFormatException e) {
                // Not a number: the HTTP layer itself rejects the request.
            }
        }
        rc.next();
    }

    /** Answers the request with the problem (for HTTP filters, which run before the REST layer). */
    public void write(RoutingContext rc, Problem problem) {
        problem.instance = rc.request().path();
        Object requestId = rc.get(RequestIds.MDC_KEY);
        problem.requestId = requestId != null ? requestId.toString() : RequestIds.current();
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status + "}";
        }
        rc.response()
                .setStatusCode(problem.status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                // The unread body would otherwise be taken as the next request.
                .putHeader(HttpHeaders.CONNECTION, problem.status == 413 ? "close" : "keep-alive")
                .end(body);
    }
}
