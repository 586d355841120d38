package id.smartcity.platform.http;

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
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    String id = accept(rc.request().getHeader(HEADER));
                    MDC.put(MDC_KEY, id);
                    rc.put(MDC_KEY, id);
                    rc.response().putHeader(HEADER, id);
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
