package id.smartcity.platform.http;

import id.smartcity.platform.security.Caller;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRouteSource;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * One line per request on the logger {@value #CATEGORY}: method, route template (never the raw
 * path with its ids), status, duration and bytes sent; and, in the logging context of every line of
 * the request, who is calling (subject and client id: never a name, email or phone) and the path's
 * region. The fields are listed in {@code src/docs/operations.md}.
 *
 * <p>The line is written when the response has ended, from what the HTTP filter ({@link
 * RequestPipeline#ACCESS_LOG}, right after the request id) and the REST filter ({@link
 * RequestPipeline#LOG_CONTEXT}, once the caller is known) put on the routing context.
 */
@ApplicationScoped
public class AccessLog {

    public static final String CATEGORY = "id.smartcity.access";
    public static final String SUBJECT = "subject";
    public static final String CLIENT_ID = "clientId";
    public static final String REGION_CODE = "regionCode";

    /**
     * Where Quarkus REST keeps the matched route's template (for its metrics): a local of the
     * request's Vert.x context (its ObservabilityUtil).
     */
    static final String ROUTE_TEMPLATE = "UrlPathTemplate";

    /** A request that matched no route (404 from the fallback, refusals before routing). */
    static final String UNMATCHED = "(unmatched)";

    private static final Logger LOG = Logger.getLogger(CATEGORY);

    /** What the REST layer's templates leave out: the path the API is served under (quarkus.rest.path). */
    private static final String ROOT = ConfigProvider.getConfig()
            .getOptionalValue("quarkus.rest.path", String.class)
            .filter(path -> !path.equals("/"))
            .orElse("");

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext routing;

    void register(@Observes Filters filters) {
        filters.register(AccessLog::measure, RequestPipeline.ACCESS_LOG);
    }

    private static void measure(RoutingContext rc) {
        long start = System.nanoTime();
        HttpServerRequest request = rc.request();
        Context context = Vertx.currentContext();
        rc.addEndHandler(done -> {
            if (!LOG.isInfoEnabled()) {
                return;
            }
            Object route = context == null ? null : context.getLocal(ROUTE_TEMPLATE);
            String line = String.format(
                    Locale.ROOT, // a decimal point whatever the server's locale (id_ID writes a comma)
                    "%s %s %d %.1fms %dB",
                    request.method().name(),
                    route == null ? UNMATCHED : ROOT + route,
                    rc.response().getStatusCode(),
                    (System.nanoTime() - start) / 1e6,
                    rc.response().bytesWritten());
            withContext(rc, () -> LOG.info(line));
        });
        rc.next();
    }

    /**
     * Logs with the request's id, caller and region in the context, as the request's own lines have,
     * and its trace and server span ids when tracing is on (OpenTelemetry's extension puts them in
     * the context of the request's own lines; the response may end after the span did).
     */
    private static void withContext(RoutingContext rc, Runnable log) {
        String[] keys = {RequestIds.MDC_KEY, SUBJECT, CLIENT_ID, REGION_CODE, RequestIds.TRACE_ID, RequestIds.SPAN_ID};
        Object[] before = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            before[i] = MDC.get(keys[i]);
            Object value = rc.get(keys[i]);
            if (value != null) {
                MDC.put(keys[i], value);
            }
        }
        try {
            log.run();
        } finally {
            for (int i = 0; i < keys.length; i++) {
                if (before[i] == null) {
                    MDC.remove(keys[i]);
                } else {
                    MDC.put(keys[i], before[i]);
                }
            }
        }
    }

    /**
     * Puts the caller and the path's region in the logging context, once the token is verified; and
     * names the server span (when tracing is on) by the same route template as the access line,
     * with the API's root, which Quarkus's own name leaves out. A route set here outranks the one
     * the HTTP layer sets when the response is sent.
     */
    @ServerRequestFilter(priority = RequestPipeline.LOG_CONTEXT)
    public void context(UriInfo uri) {
        Context vertx = Vertx.currentContext();
        Object route = vertx == null ? null : vertx.getLocal(ROUTE_TEMPLATE);
        if (route != null) {
            HttpServerRoute.update(
                    io.opentelemetry.context.Context.current(), HttpServerRouteSource.CONTROLLER, ROOT + route);
        }
        Caller caller = Caller.of(identity);
        if (!caller.anonymous()) {
            put(SUBJECT, caller.subject());
            put(CLIENT_ID, caller.clientId());
        }
        put(REGION_CODE, uri.getPathParameters().getFirst("regionCode"));
    }

    private void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
            routing.put(key, value);
        }
    }
}
