package id.smartcity.platform.http;

import id.smartcity.platform.tracing.Traces;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * {@code X-Request-Id}: accepted from the caller when it is a sane token, generated otherwise,
 * returned on every response (errors included) and put in the logging context so that every log
 * line of the request carries it. Runs as an HTTP filter, before authentication and routing.
 *
 * <p>With tracing on, the same filter returns the request's trace in {@value Traces#TRACE_RESPONSE}
 * (the server span is current from the first filter on) and keeps its ids on the routing context,
 * for the problem bodies and the access line ({@code traceId}, {@code spanId}).
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    /** The keys OpenTelemetry's extension writes into the logging context (and so every JSON line's {@code mdc}). */
    static final String TRACE_ID = "traceId";

    static final String SPAN_ID = "spanId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    String id = accept(rc.request().getHeader(HEADER));
                    MDC.put(MDC_KEY, id);
                    rc.put(MDC_KEY, id);
                    rc.response().putHeader(HEADER, id);
                    String trace = Traces.traceResponse();
                    if (trace != null) {
                        rc.response().putHeader(Traces.TRACE_RESPONSE, trace);
                        rc.put(TRACE_ID, trace.substring(3, 35));
                        rc.put(SPAN_ID, trace.substring(36, 52));
                    }
                    rc.next();
                },
                // Before every other filter, so that even CORS and auth failures carry it.
                RequestPipeline.REQUEST_ID);
    }

    /** The id of the request being served, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    static String accept(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }
}
