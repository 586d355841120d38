package id.smartcity.common.ratelimit;

import id.smartcity.common.Callers;
import id.smartcity.common.HttpProblems;
import id.smartcity.common.Problem;
import id.smartcity.common.ProblemType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Rate limits per caller (DESIGN §4): a user by token subject, a service account by client id,
 * a request without a valid token by IP address. Every response of the API carries {@code
 * RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the
 * window ends); past the limit the answer is a 429 problem with {@code Retry-After}. Health,
 * metrics and the contract ({@code /q/...}) are not limited.
 *
 * <p>Runs as an HTTP filter after authentication has been set up (so that it sees the verified
 * token, never a forged claim) and before the REST layer, so that unauthenticated and refused
 * requests count too. The count is one statement on PostgreSQL ({@link RateLimitStore}) on a
 * worker thread. When the database does not answer, requests pass (they will fail on their own).
 */
@ApplicationScoped
public class RateLimitFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);

    /** After authentication (200) and authorization (100) have set up the request's identity. */
    static final int PRIORITY = 50;

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";

    @Inject
    RateLimitStore store;

    @Inject
    RateLimitConfig config;

    @Inject
    HttpProblems problems;

    @Inject
    MeterRegistry registry;

    private Timer timer;

    void register(@Observes Filters filters) {
        timer = Timer.builder("smartcity.rate.limit.check")
                .description("Time to count a request against its caller's rate limit in the database")
                .register(registry);
        filters.register(this::limit, PRIORITY);
    }

    private void limit(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (path.equals("/q") || path.startsWith("/q/")) {
            rc.next();
            return;
        }
        Uni<SecurityIdentity> identity = rc.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        String address = rc.request().remoteAddress() == null
                ? null
                : rc.request().remoteAddress().host();
        // Resolving an invalid token calls the authentication failure handler, which answers 401 at
        // once. Hold that answer until the request is counted, so that it carries the headers too
        // (or becomes the 429), then let the same handler give it.
        BiConsumer<RoutingContext, Throwable> failureHandler = rc.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        AtomicReference<Throwable> authenticationFailure = new AtomicReference<>();
        if (failureHandler != null) {
            rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>)
                    (ctx, failure) -> authenticationFailure.set(failure));
        }
        Context context = Vertx.currentContext();
        context.executeBlocking(() -> count(identity, address), false).onComplete(result -> {
            if (failureHandler != null) {
                rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, failureHandler);
            }
            if (result.succeeded()) {
                RateLimitStore.Hit hit = result.result();
                // When the headers go out, whoever answers (a failure is answered afresh).
                rc.addHeadersEndHandler(headersEnd -> {
                    HttpServerResponse response = rc.response();
                    response.putHeader(LIMIT, Integer.toString(hit.limit()));
                    response.putHeader(REMAINING, Integer.toString(hit.remaining()));
                    response.putHeader(RESET, Integer.toString(hit.resetSeconds()));
                    if (hit.exceeded()) {
                        response.putHeader("Retry-After", Integer.toString(hit.resetSeconds()));
                    }
                });
                if (hit.exceeded()) {
                    problems.write(
                            rc,
                            new Problem(
                                    ProblemType.TOO_MANY_REQUESTS,
                                    "More than " + hit.limit() + " requests in a minute from this caller; retry in "
                                            + hit.resetSeconds() + " s",
                                    null));
                    return;
                }
            } else {
                LOG.warnf("Rate limit not checked: %s", result.cause().toString());
            }
            Throwable failure = authenticationFailure.get();
            if (failure != null) {
                failureHandler.accept(rc, failure);
            } else {
                rc.next();
            }
        });
    }

    /** Blocking: resolves the (lazily authenticated) identity and counts the request. */
    private RateLimitStore.Hit count(Uni<SecurityIdentity> deferred, String address) throws Exception {
        Optional<String> authenticated = Optional.empty();
        if (deferred != null) {
            try {
                authenticated = Callers.of(deferred.await().atMost(Duration.ofSeconds(30)));
            } catch (RuntimeException invalidToken) {
                // No valid token: counted by address; answered 401 once counted (see limit).
            }
        }
        String caller = authenticated.orElseGet(() -> Callers.ofAddress(address));
        int limit = caller.startsWith(Callers.USER)
                ? config.userPerMinute()
                : caller.startsWith(Callers.CLIENT) ? config.serviceAccountPerMinute() : config.anonymousPerMinute();
        long start = System.nanoTime();
        try {
            return store.hit(caller, limit);
        } finally {
            timer.record(Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
