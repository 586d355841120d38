package id.smartcity.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import id.smartcity.platform.problem.ProblemType;
import id.smartcity.platform.tracing.Traces;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Problem bodies for what the HTTP layer answers before the REST layer sees a request: a body
 * larger than the limit (413), and a path outside every route (404).
 *
 * <p>A chunked HTTP/1.1 body (no {@code Content-Length}) is read here, counted against the limit,
 * and handed to the REST layer as its entity stream: left to the REST layer, going over the limit
 * would end the exchange with a bare 413 and no problem body.
 *
 * <p>HTTP/2 differs in two ways. A response must not carry {@code Connection} (RFC 9113 §8.2.2):
 * the HTTP/2 layer resets the stream instead of sending it, so the header is HTTP/1.x only, and a
 * 413 is followed by a stream reset with NO_ERROR, which tells the client to stop sending (§8.1)
 * without closing the connection its other streams share. And an HTTP/2 body without {@code
 * Content-Length} is not read ahead: the REST layer cannot take over an HTTP/2 request whose body
 * has already been read (Quarkus issue 34393: Vert.x refuses to pause an ended HTTP/2 request), and
 * a request without a body cannot be told apart from one with a body of undeclared length before
 * its end arrives. Its body is counted instead while the REST layer reads it ({@link CountedBody}),
 * in place of the REST layer's own count, which would answer a bare 413.
 */
@ApplicationScoped
public class HttpEdge {

    private static final String READ_BODY = "smartcity.read-body";
    /** How much of an oversized body is still read, and for how long, before its connection is cut. */
    private static final long DRAIN_LIMIT = 4L * 1024 * 1024;

    private static final long DRAIN_MILLIS = 10_000;

    @Inject
    ObjectMapper mapper;

    /** The limit of every body but an upload's. */
    @ConfigProperty(name = "smartcity.http.max-body-size")
    MemorySize maxBodySize;

    /** The limit of an upload's body (a document and its form), also the HTTP layer's own limit. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxUploadSize;

    /** The routes that take uploads: {@code POST /api/v1/regions/{regionCode}/documents}. */
    static final Pattern UPLOAD_PATH = Pattern.compile("/api/v1/regions/[^/]{1,16}/documents/?");

    static boolean isUpload(HttpServerRequest request) {
        return request.method() == HttpMethod.POST
                && UPLOAD_PATH.matcher(request.path()).matches();
    }

    private long limit(HttpServerRequest request) {
        return isUpload(request) ? maxUploadSize.asLongValue() : maxBodySize.asLongValue();
    }

    void register(@Observes Filters filters) {
        // Right after the request id is set, before the body is read.
        filters.register(this::rejectOversizedBody, RequestPipeline.DECLARED_BODY_LIMIT);
        // A body of undeclared length is read only once the rate limit (priority 50) has counted the
        // request and turned away a token that does not verify.
        filters.register(this::readUndeclaredBody, RequestPipeline.UNDECLARED_BODY_LIMIT);
    }

    private static boolean isHttp2(HttpServerRequest request) {
        return request.version() == HttpVersion.HTTP_2;
    }

    void fallback(@Observes Router router) {
        router.route()
                .order(Integer.MAX_VALUE)
                .handler(rc -> write(rc, new Problem(ProblemType.NOT_FOUND, "No resource at this path", null)));
    }

    private void rejectOversizedBody(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit(request)) {
                    write(rc, tooLarge(limit(request)));
                    return;
                }
            } catch (NumberFormatException e) {
                // Not a number: the HTTP layer itself rejects the request.
            }
        }
        rc.next();
    }

    private static boolean hasUndeclaredBody(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return false;
        }
        return request.getHeader(HttpHeaders.CONTENT_LENGTH) == null
                && (isHttp2(request) || request.headers().contains(HttpHeaders.TRANSFER_ENCODING));
    }

    /**
     * Reads a chunked HTTP/1.1 body up to the limit, then goes on with it kept for {@link
     * #useReadBody}; an HTTP/2 body of undeclared length is left to {@link #useReadBody} to count.
     */
    private void readUndeclaredBody(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!hasUndeclaredBody(request)) {
            rc.next();
            return;
        }
        if (isUpload(request)) {
            // Not read ahead into memory: the upload streams it to a temporary file and counts it
            // there (SpooledBody), with a 413 problem past its own limit.
            rc.next();
            return;
        }
        if (isHttp2(request)) {
            // Counted by useReadBody (see the class comment). Should the REST layer's own count
            // answer after all, its 413 must lose the Connection header to reach the client.
            rc.addHeadersEndHandler(v -> rc.response().headers().remove(HttpHeaders.CONNECTION));
            rc.next();
            return;
        }
        long limit = limit(request);
        Buffer body = Buffer.buffer();
        long[] discarded = {-1};
        request.handler(chunk -> {
            if (discarded[0] >= 0) {
                // After the 413: the rest is read and dropped, so that closing the connection does
                // not reset it under the answer (unread data makes the kernel send RST, and the
                // client may lose the response). Bounded: a client that goes on is cut off.
                discarded[0] += chunk.length();
                if (discarded[0] > DRAIN_LIMIT) {
                    request.connection().close();
                }
                return;
            }
            if ((long) body.length() + chunk.length() > limit) {
                discarded[0] = 0;
                write(rc, tooLarge(limit));
                rc.vertx().setTimer(DRAIN_MILLIS, t -> request.connection().close());
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (discarded[0] < 0) {
                rc.put(READ_BODY, body);
                rc.next();
            } else {
                // Announced with Connection: close; the body is now read to its end.
                request.connection().close();
            }
        });
        request.resume();
    }

    /**
     * Hands a body read by {@link #readUndeclaredBody} to the REST layer, which cannot read it twice.
     * Before every other request filter (the idempotency key's reads the body), but not pre-matching:
     * a pre-matching filter cost 10 % of the throughput of a plain GET in the benchmark (E1).
     */
    @ServerRequestFilter(priority = RequestPipeline.BODY_LIMIT)
    void useReadBody(ContainerRequestContext request, RoutingContext rc) {
        Buffer body = rc.get(READ_BODY);
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
        } else if (isHttp2(rc.request())
                && hasUndeclaredBody(rc.request())
                && BlockingOperationControl.isBlockingAllowed()) {
            // On a worker thread, where the REST layer reads the body as a blocking stream; without
            // its own limit, which it would enforce with a bare 413.
            rc.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
            request.setEntityStream(new CountedBody(request.getEntityStream(), rc, limit(rc.request())));
        }
    }

    /** An HTTP/2 body of undeclared length, counted against the limit as it is read. */
    private final class CountedBody extends InputStream {

        private final InputStream in;
        private final RoutingContext rc;
        private final long limit;
        private long count;

        CountedBody(InputStream in, RoutingContext rc, long limit) {
            this.in = in;
            this.rc = rc;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                // Answered as a problem by the REST layer; then the client is told to stop sending.
                rc.addEndHandler(done -> rc.response().reset(0));
                throw new ApiException(tooLarge(limit));
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static Problem tooLarge(long limit) {
        return new Problem(
                ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than the limit of " + limit / 1024 + " KiB",
                null);
    }

    /** Answers the request with the problem (for HTTP filters, which run before the REST layer). */
    public void write(RoutingContext rc, Problem problem) {
        problem.instance = rc.request().path();
        Object requestId = rc.get(RequestIds.MDC_KEY);
        problem.requestId = requestId != null ? requestId.toString() : RequestIds.current();
        Object traceId = rc.get(RequestIds.TRACE_ID);
        problem.traceId = traceId != null ? traceId.toString() : Traces.traceId();
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status + "}";
        }
        HttpServerResponse response =
                rc.response().setStatusCode(problem.status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (!isHttp2(rc.request())) {
            // The unread body would otherwise be taken as the next request.
            response.putHeader(HttpHeaders.CONNECTION, problem.status == 413 ? "close" : "keep-alive");
            response.end(body);
        } else if (problem.status == 413) {
            // The answer is complete; NO_ERROR asks the client to stop sending the body (RFC 9113 §8.1).
            response.end(body).onComplete(done -> response.reset(0));
        } else {
            response.end(body);
        }
    }
}
