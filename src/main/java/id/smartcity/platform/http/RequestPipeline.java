package id.smartcity.platform.http;

import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.Priorities;

/**
 * Every filter, identity provider and interceptor of the API, in the order a request meets them.
 * The classes take their priorities from these constants, so this list is the order.
 *
 * <ol>
 *   <li><b>HTTP filters</b> (Vert.x, before the REST layer; higher runs first):
 *       <ol>
 *         <li>{@link #REQUEST_ID} {@code RequestIds}: the request id, in every answer and log line;
 *             the trace's {@code traceresponse} (when tracing is on: the server span, started by
 *             Quarkus's HTTP tracer before any filter, is current from here on);
 *         <li>{@link #ACCESS_LOG} {@code AccessLog}: times the request, and logs one line when its
 *             response has ended (method, route template, status, duration, bytes);
 *         <li>{@link #DECLARED_BODY_LIMIT} {@code HttpEdge}: a declared body over the limit is a
 *             413 problem before it is read;
 *         <li>{@link #CORS_REFUSAL} {@code CorsRefusals}: an origin off the allow-list is a 403
 *             problem; then Quarkus's own CORS filter ({@value #QUARKUS_CORS}) writes the headers;
 *         <li>{@link #RATE_LIMIT} {@code RateLimitFilter}: per caller, 429 past the limit (it waits
 *             for the token's verification: {@code CachedTokenIdentityProvider} before
 *             quarkus-oidc's own provider);
 *         <li>{@link #UNDECLARED_BODY_LIMIT} {@code HttpEdge}: a body without a declared length
 *             is counted (HTTP/1.1 read ahead; HTTP/2 counted while the REST layer reads it).
 *       </ol>
 *   <li><b>REST pre-matching filter</b>: {@link #OPTIONS} {@code OptionsRequests}: an
 *       {@code OPTIONS} that is no CORS preflight is answered with the path's {@code Allow}.
 *   <li><b>REST request filters</b> (after the route is matched; lower runs first):
 *       <ol>
 *         <li>{@link #LOG_CONTEXT} {@code AccessLog}: the caller's subject and client id and the
 *             path's region, in the logging context of every later line; the route template as
 *             the server span's name (when tracing is on);
 *         <li>{@link #STRICT_TEXT} {@code StrictRequestFilter}: query, path and read headers;
 *             undeclared query parameters;
 *         <li>{@link #BODY_LIMIT} {@code HttpEdge}: hands a counted body on to the REST layer;
 *         <li>{@link #IDEMPOTENCY_KEY} {@code IdempotencyKeyFilter}: the key's form and the body's
 *             fingerprint;
 *         <li>{@link #REGION} {@code RegionCodeFilter}: the path's region, 404 when unknown or not
 *             the caller's.
 *       </ol>
 *   <li><b>The body</b>: {@code StrictUtf8Body} (bytes), Jackson with {@code StrictJson} (values),
 *       Bean Validation ({@code @Size} in code points: {@code CodePointSize}).
 *   <li><b>Interceptors around the resource method</b> (lower runs first, outermost):
 *       {@link #TRANSIENT_RETRY} {@code TransientConflictRetry}, {@link #IDEMPOTENCY}
 *       {@code IdempotencyInterceptor} (one transaction for an idempotent POST), then the
 *       services' {@code @Transactional} ({@code PLATFORM_BEFORE + 200}); the audit chain is
 *       appended at commit ({@code AuditTrail}).
 *   <li><b>Errors</b> from any of them: {@code ProblemMapper} (REST) or {@code HttpEdge.write}
 *       (HTTP filters); a path no route answers: {@code HttpEdge}'s fallback route, 404 problem.
 * </ol>
 */
public final class RequestPipeline {

    public static final int REQUEST_ID = Integer.MAX_VALUE;
    public static final int ACCESS_LOG = Integer.MAX_VALUE - 1;
    public static final int DECLARED_BODY_LIMIT = Integer.MAX_VALUE - 2;
    public static final int CORS_REFUSAL = 310;
    /** Quarkus's CORS filter (its FilterBuildItem), for reference. */
    public static final int QUARKUS_CORS = 300;

    public static final int RATE_LIMIT = 50;
    public static final int UNDECLARED_BODY_LIMIT = 40;

    public static final int OPTIONS = Priorities.AUTHENTICATION - 700;
    public static final int LOG_CONTEXT = Priorities.AUTHENTICATION - 600;
    public static final int STRICT_TEXT = Priorities.AUTHENTICATION - 500;
    public static final int BODY_LIMIT = Priorities.AUTHENTICATION;
    public static final int IDEMPOTENCY_KEY = Priorities.USER;
    public static final int REGION = Priorities.USER + 10;

    public static final int TRANSIENT_RETRY = Interceptor.Priority.PLATFORM_BEFORE + 50;
    public static final int IDEMPOTENCY = Interceptor.Priority.PLATFORM_BEFORE + 100;

    /** Before quarkus-oidc's identity provider (priority 1001): reuses a token already verified. */
    public static final int TOKEN_CACHE = 2000;

    private RequestPipeline() {}
}
