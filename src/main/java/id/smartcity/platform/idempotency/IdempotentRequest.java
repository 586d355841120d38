package id.smartcity.platform.idempotency;

import jakarta.enterprise.context.RequestScoped;

/**
 * The {@code Idempotency-Key} of the current POST and the fingerprint of what it asks for, set by
 * {@link IdempotencyKeyFilter} (which sees the raw body) for {@link IdempotencyInterceptor} (which
 * sees the transaction).
 */
@RequestScoped
public class IdempotentRequest {

    private String key;
    private String fingerprint;
    private String method;
    private String path;

    void set(String key, String fingerprint, String method, String path) {
        this.key = key;
        this.fingerprint = fingerprint;
        this.method = method;
        this.path = path;
    }

    /** The key, or null when the request has none. */
    public String key() {
        return key;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }
}
