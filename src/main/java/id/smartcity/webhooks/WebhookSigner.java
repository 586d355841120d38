package id.smartcity.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs deliveries per the Standard Webhooks specification, with the library {@code
 * com.standardwebhooks:standardwebhooks} (never by hand): headers {@code webhook-id}, {@code
 * webhook-timestamp} (Unix seconds) and {@code webhook-signature} ({@code v1,<base64 HMAC-SHA256 of
 * id.timestamp.body>}). While a subscription's secret is being rotated, the delivery is signed with
 * every secret still valid, the signatures separated by spaces as the specification allows, so a
 * receiver holding either secret verifies it.
 */
public final class WebhookSigner {

    /** The prefix of every signing secret; the rest is the base64 of 32 random bytes. */
    public static final String SECRET_PREFIX = "whsec_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {}

    /** A new signing secret: {@code whsec_} and the base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The three headers of a delivery of {@code body}, signed with each of {@code secrets} (the
     * newest first).
     */
    public static Map<String, String> headers(
            String eventId, long timestampSeconds, String body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a delivery needs at least one secret");
        }
        List<String> signatures = new ArrayList<>(secrets.size());
        for (String secret : secrets) {
            try {
                signatures.add(new Webhook(secret).sign(eventId, timestampSeconds, body));
            } catch (EmptyWebhookSecretException | WebhookSigningException e) {
                throw new IllegalStateException("A stored signing secret cannot sign", e);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", eventId);
        headers.put("webhook-timestamp", Long.toString(timestampSeconds));
        headers.put("webhook-signature", String.join(" ", signatures));
        return headers;
    }
}
