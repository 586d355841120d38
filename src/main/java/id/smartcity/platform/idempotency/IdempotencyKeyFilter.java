package id.smartcity.platform.idempotency;

import id.smartcity.platform.http.RequestPipeline;
import id.smartcity.platform.http.SpooledBody;
import id.smartcity.platform.problem.ApiException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads the {@code Idempotency-Key} header of a POST: 1–255 printable ASCII characters, else 400
 * naming the header. Fingerprints the request (SHA-256 of method, path with query and the raw
 * body bytes) for {@link IdempotencyInterceptor}, and puts the body back for the resource.
 */
public class IdempotencyKeyFilter {

    public static final String HEADER = "Idempotency-Key";
    static final Pattern VALID = Pattern.compile("[\\x20-\\x7E]{1,255}");

    /** Bodies up to this size are fingerprinted in memory; larger ones (uploads) from a temporary file. */
    static final int IN_MEMORY = 256 * 1024;

    @Inject
    IdempotentRequest current;

    /** The HTTP layer's own limit, the largest body any route accepts (document uploads). */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @ServerRequestFilter(priority = RequestPipeline.IDEMPOTENCY_KEY)
    public void readKey(ContainerRequestContext request, RoutingContext rc) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            return;
        }
        List<String> values = request.getHeaders().get(HEADER);
        if (values == null || values.isEmpty()) {
            return;
        }
        String key = values.get(0);
        if (values.size() > 1 || key == null || !VALID.matcher(key).matches()) {
            throw ApiException.invalid(
                    HEADER, "must be one value of 1 to 255 printable ASCII characters, such as a UUID");
        }
        SpooledBody body = SpooledBody.read(
                request.hasEntity() ? request.getEntityStream() : InputStream.nullInputStream(),
                maxBodySize.asLongValue(),
                IN_MEMORY,
                "The request body");
        rc.addEndHandler(v -> body.close());
        request.setEntityStream(body.open());
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String target = query == null ? path : path + "?" + query;
        current.set(key, fingerprint(request.getMethod(), target, body), request.getMethod(), target);
    }

    static String fingerprint(String method, String target, SpooledBody body) throws IOException {
        try (InputStream in = body.open()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + target + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
