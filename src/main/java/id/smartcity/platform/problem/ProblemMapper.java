package id.smartcity.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import id.smartcity.platform.http.AllowedMethods;
import id.smartcity.platform.http.PreparedResponse;
import id.smartcity.platform.http.RequestIds;
import id.smartcity.platform.tracing.Traces;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP responses. Every body is an RFC 9457 problem; no
 * message of an unexpected exception, class name, stack trace or SQL ever reaches a client.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        Response response = respond(e.problem(), uri);
        if (e.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder builder = Response.fromResponse(response);
        e.headers().forEach(builder::header);
        return builder.build();
    }

    /** Not a problem: a complete response that the code throwing it could not return (a replay). */
    @ServerExceptionMapper
    public Response prepared(PreparedResponse e) {
        return e.response();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        boolean returnValue = e.getConstraintViolations().stream()
                .anyMatch(v -> lastKind(v.getPropertyPath()) == ElementKind.RETURN_VALUE);
        if (returnValue) {
            return unexpected(e, uri);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return respond(ApiException.invalid(errors).problem(), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(JsonProblems.from(e), uri);
    }

    // Quarkus has built-in mappers for these subclasses with a body of its own: ours must be at least as specific.
    @ServerExceptionMapper
    public Response json(JsonMappingException e, UriInfo uri) {
        return respond(JsonProblems.from(e), uri);
    }

    @ServerExceptionMapper
    public Response json(MismatchedInputException e, UriInfo uri) {
        return respond(JsonProblems.from(e), uri);
    }

    @ServerExceptionMapper
    public Response json(InvalidFormatException e, UriInfo uri) {
        return respond(JsonProblems.from(e), uri);
    }

    @ServerExceptionMapper
    public Response json(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(JsonProblems.from(e), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonParseException e, UriInfo uri) {
        return respond(JsonProblems.from(e), uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized(uri, headers);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationCompletionException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized(uri, headers);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized(uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(ProblemType.FORBIDDEN, "Your role does not allow this operation", null), uri);
    }

    /**
     * The REST layer's "no route". When several resource classes share a path prefix (every
     * {@code /regions/{regionCode}/…} class and {@code RegionResource}), it answers a method the
     * path does not have with this instead of {@link NotAllowedException}: a path that other
     * methods do answer is a 405 with {@code Allow} all the same (RFC 9110 15.5.6).
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, Request request) {
        Set<String> methods = allowedMethods.methods(uri.getRequestUri().getRawPath());
        if (!methods.isEmpty() && !methods.contains(request.getMethod())) {
            return methodNotAllowed(uri, String.join(", ", methods));
        }
        return respond(new Problem(ProblemType.NOT_FOUND, "No resource at this path", null), uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return methodNotAllowed(uri, allowedMethods.forPath(uri.getRequestUri().getRawPath()));
    }

    private Response methodNotAllowed(UriInfo uri, String allow) {
        Response response = respond(
                new Problem(ProblemType.METHOD_NOT_ALLOWED, "This method is not allowed on this resource", null), uri);
        return allow == null
                ? response
                : Response.fromResponse(response)
                        .header(HttpHeaders.ALLOW, allow)
                        .build();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return respond(
                new Problem(ProblemType.NOT_ACCEPTABLE, "None of the media types in Accept can be produced", null),
                uri);
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, UriInfo uri) {
        return respond(
                new Problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The request's Content-Type is not supported", null),
                uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (status == 400) {
            Throwable cause = rootCause(e);
            if (cause instanceof JsonProcessingException json) {
                return json(json, uri);
            }
            return respond(new Problem(ProblemType.MALFORMED, "The request is not valid", null), uri);
        }
        ProblemType type = Arrays.stream(ProblemType.values())
                .filter(t -> t.status() == status)
                .findFirst()
                .orElse(ProblemType.VALIDATION);
        return respond(new Problem(type, type.title(), null), uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        SQLException sql = find(e, SQLException.class);
        if (sql != null && "23505".equals(sql.getSQLState())) {
            // A unique key raced past the service's own check.
            return respond(
                    ApiException.conflict("A record with the same key already exists")
                            .problem(),
                    uri);
        }
        if (sql != null && "23503".equals(sql.getSQLState())) {
            // A reference raced past the service's own check (e.g. a record deleted meanwhile).
            LOG.warnf("Foreign key violation on %s (SQLState 23503)", uri == null ? "?" : uri.getPath());
            return respond(
                    ApiException.conflict(
                                    "The change refers to a record that no longer exists, or one that others refer to")
                            .problem(),
                    uri);
        }
        if (sql != null && "23514".equals(sql.getSQLState())) {
            // The database's own check caught what validation should have: a 4xx, and a log line to fix it.
            LOG.warnf("Check constraint violation on %s (SQLState 23514)", uri == null ? "?" : uri.getPath());
            return respond(
                    new Problem(ProblemType.VALIDATION, "The request breaks a rule of the record it changes", null),
                    uri);
        }
        if (find(e, OptimisticLockException.class) != null || find(e, StaleStateException.class) != null) {
            return concurrentChange(uri);
        }
        if (id.smartcity.platform.persistence.TransientConflictRetry.transientState(e) != null) {
            // A deadlock or serialization failure that outlived TransientConflictRetry's attempts:
            // nothing was changed, and the same request a moment later will do.
            LOG.warnf("Transient conflict on %s after retries", uri == null ? "?" : uri.getPath());
            return Response.fromResponse(respond(
                            new Problem(
                                    ProblemType.SERVICE_UNAVAILABLE,
                                    "The change met concurrent changes and was rolled back; nothing was changed."
                                            + " Retry in a moment",
                                    null),
                            uri))
                    .header("Retry-After", "1")
                    .build();
        }
        if (DatabaseFailures.unavailable(e)) {
            // PostgreSQL restarting, failing over or out of connections. Failed before the commit,
            // the transaction was rolled back; lost during the commit, it may have been saved (a
            // failover: the old primary committed, the answer never came back).
            boolean atCommit = DatabaseFailures.whileCommitting(e);
            LOG.warnf(
                    "Database unavailable%s on %s: %s",
                    atCommit ? " while committing" : "",
                    uri == null ? "?" : uri.getPath(),
                    rootCause(e).getClass().getSimpleName());
            return Response.fromResponse(respond(
                            new Problem(
                                    ProblemType.SERVICE_UNAVAILABLE,
                                    atCommit
                                            ? "The connection to the database was lost while the change was being"
                                                    + " committed: it may or may not have been saved. Retry with the"
                                                    + " same Idempotency-Key (a saved change is answered again, not"
                                                    + " made twice), or read the resource before repeating the"
                                                    + " change"
                                            : "The database cannot be reached at the moment; nothing was changed."
                                                    + " Retry in a few seconds",
                                    null),
                            uri))
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.errorf(e, "Unexpected error on %s", uri == null ? "?" : uri.getPath());
        return respond(
                new Problem(
                        ProblemType.INTERNAL,
                        "The server could not complete the request; quote the requestId when reporting it",
                        null),
                uri);
    }

    private static final String RETRY_AFTER_SECONDS = "5";

    private Response concurrentChange(UriInfo uri) {
        return respond(
                ApiException.conflict(
                                "The resource was changed by another request at the same time; read it again and retry")
                        .problem(),
                uri);
    }

    private Response unauthorized(UriInfo uri, HttpHeaders headers) {
        boolean tokenSent = headers != null && headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        Problem problem = new Problem(
                ProblemType.UNAUTHORIZED,
                tokenSent ? "The bearer token is not valid" : "A bearer token is required",
                null);
        String challenge =
                tokenSent ? "Bearer realm=\"smartcity\", error=\"invalid_token\"" : "Bearer realm=\"smartcity\"";
        return Response.fromResponse(respond(problem, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }

    static Response respond(Problem problem, UriInfo uri) {
        if (uri != null && problem.instance == null) {
            problem.instance = uri.getRequestUri().getRawPath();
        }
        problem.requestId = RequestIds.current();
        problem.traceId = Traces.traceId();
        return Response.status(problem.status)
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static ElementKind lastKind(Path path) {
        ElementKind kind = null;
        for (Path.Node node : path) {
            kind = node.getKind();
        }
        return kind;
    }

    /**
     * The name a client knows: a query parameter's name, or the property path inside the body,
     * without the Java method and parameter names. Resources name their body parameter {@code
     * request}; it contributes nothing to the path, and a missing body is reported as "body".
     */
    private static String fieldName(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {}
                case PARAMETER -> {
                    if (!"request".equals(node.getName())) {
                        field.append(node.getName());
                    }
                }
                default -> {
                    if (node.getIndex() != null && field.length() > 0) {
                        field.append('[').append(node.getIndex()).append(']');
                    } else if (node.getKey() != null && field.length() > 0) {
                        field.append('[').append(node.getKey()).append(']');
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        if (field.length() > 0) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
