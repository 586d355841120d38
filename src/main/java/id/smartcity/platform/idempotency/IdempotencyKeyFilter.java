package id.smartcity.platform.idempotency;

import id.smartcity.platform.http.RequestPipeline;
import id.smartcity.platform.problem.ApiException;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads the {@code Idempotency-Key} header of a POST: 1–255 printable ASCII characters, else 400
 * naming the header. Fingerprints the request (SHA-256 of method, path with query and the raw
 * body bytes) for {@link IdempotencyInterceptor}, and puts the body back for the resource.
 */
public class IdempotencyKeyFilter {

    public static final String HEADER = "Idempotency-Key";
    static final Pattern VALID = Pattern.compile("[\\x20-\\x7E]{1,255}");

    @Inject
    IdempotentRequest current;

    @ServerRequestFilter(priority = RequestPipeline.IDEMPOTENCY_KEY)
    public void readKey(ContainerRequestContext request) throws IOException {
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
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String target = query == null ? path : path + "?" + query;
        current.set(key, fingerprint(request.getMethod(), target, body), request.getMethod(), target);
    }

    static String fingerprint(String method, String target, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + target + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
