package id.smartcity.platform.ratelimit;

import id.smartcity.platform.http.HttpEdge;
import id.smartcity.platform.http.RequestPipeline;
import id.smartcity.platform.problem.Problem;
import id.smartcity.platform.problem.ProblemType;
import id.smartcity.platform.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * Rate limits per caller (DESIGN §4): a user by token subject, a service account by client id,
 * a request without a valid token by IP address. Every response of the API carries {@code
 * RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the
 * window ends); past the limit the answer is a 429 problem with {@code Retry-After}. Health,
 * metrics and the contract ({@code /q/...}) are not limited.
 *
 * <p>Runs as an HTTP filter after authentication has been set up (so that it sees the verified
 * token, never a forged claim) and before the REST layer, so that unauthenticated and refused
 * requests count too. The count is in memory ({@link RateLimiter}, shared with the other
 * instances once a second), so the filter never blocks: it waits for the token's verification
 * without holding a thread, and decides on the request's own event loop.
 */
@ApplicationScoped
public class RateLimitFilter {

    /** After authentication (200) and authorization (100) have set up the request's identity. */
    static final int PRIORITY = RequestPipeline.RATE_LIMIT;

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimitConfig config;

    @Inject
    HttpEdge problems;

    @Inject
    MeterRegistry registry;

    /** Requests refused with 429 ({@code smartcity_rate_limit_refusals_total}). */
    private Counter refusals;

    void register(@Observes Filters filters) {
        refusals = Counter.builder("smartcity.rate.limit.refusals")
                .description("Requests refused with 429 Too Many Requests")
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
        if (identity == null) {
            decide(rc, Caller.keyOfAddress(address), null, null);
            return;
        }
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
        identity.subscribe()
                .with(
                        resolved -> onContext(
                                context,
                                () -> decide(
                                        rc,
                                        Caller.of(resolved).key().orElseGet(() -> Caller.keyOfAddress(address)),
                                        failureHandler,
                                        authenticationFailure)),
                        // No valid token: counted by address; answered 401 once counted.
                        invalidToken -> onContext(
                                context,
                                () -> decide(rc, Caller.keyOfAddress(address), failureHandler, authenticationFailure)));
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || (Context.isOnEventLoopThread() && Vertx.currentContext() == context)) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }

    private void decide(
            RoutingContext rc,
            String caller,
            BiConsumer<RoutingContext, Throwable> failureHandler,
            AtomicReference<Throwable> authenticationFailure) {
        if (failureHandler != null) {
            rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, failureHandler);
        }
        int limit = caller.startsWith(Caller.USER)
                ? config.userPerMinute()
                : caller.startsWith(Caller.CLIENT) ? config.serviceAccountPerMinute() : config.anonymousPerMinute();
        RateLimiter.Hit hit = limiter.hit(caller, limit, System.currentTimeMillis());
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
            refusals.increment();
            problems.write(
                    rc,
                    new Problem(
                            ProblemType.TOO_MANY_REQUESTS,
                            "More than " + hit.limit() + " requests in a minute from this caller; retry in "
                                    + hit.resetSeconds() + " s",
                            null));
            return;
        }
        Throwable failure = authenticationFailure == null ? null : authenticationFailure.get();
        if (failure != null) {
            failureHandler.accept(rc, failure);
        } else {
            rc.next();
        }
    }
}
