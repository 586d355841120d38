package id.smartcity.webhooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** A receiver verifies the signatures with the library and with a plain HMAC-SHA256. */
class WebhookSignerTest {

    private static final String BODY = "{\"id\":\"evt_42\",\"type\":\"quick-win.created\"}";

    private static Map<String, List<String>> asReceived(Map<String, String> headers) {
        Map<String, List<String>> received = new HashMap<>();
        headers.forEach((k, v) -> received.put(k, List.of(v)));
        return received;
    }

    @Test
    void aSecretIsWhsecAndThirtyTwoRandomBytes() {
        String secret = WebhookSigner.newSecret();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, WebhookSigner.newSecret());
    }

    @Test
    void theLibraryVerifiesWhatWeSign() throws Exception {
        String secret = WebhookSigner.newSecret();
        long now = Instant.now().getEpochSecond();
        Map<String, String> headers = WebhookSigner.headers("evt_42", now, BODY, List.of(secret));
        assertEquals("evt_42", headers.get("webhook-id"));
        assertEquals(Long.toString(now), headers.get("webhook-timestamp"));
        assertTrue(headers.get("webhook-signature").matches("v1,[A-Za-z0-9+/]+={0,2}"), headers.toString());
        assertDoesNotThrow(() -> new Webhook(secret).verify(BODY, asReceived(headers)));
        // A changed body, or another secret, does not verify.
        assertThrows(
                WebhookVerificationException.class,
                () -> new Webhook(secret).verify(BODY.replace("42", "43"), asReceived(headers)));
        assertThrows(
                WebhookVerificationException.class,
                () -> new Webhook(WebhookSigner.newSecret()).verify(BODY, asReceived(headers)));
    }

    @Test
    void aPlainHmacOfIdDotTimestampDotBodyVerifiesToo() throws Exception {
        String secret = WebhookSigner.newSecret();
        Map<String, String> headers = WebhookSigner.headers("evt_7", 1_720_663_200L, BODY, List.of(secret));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal(("evt_7.1720663200." + BODY).getBytes(StandardCharsets.UTF_8));
        String signature = headers.get("webhook-signature");
        assertEquals("v1,", signature.substring(0, 3));
        assertArrayEquals(expected, Base64.getDecoder().decode(signature.substring(3)));
    }

    @Test
    void duringARotationBothSecretsVerify() throws Exception {
        String newer = WebhookSigner.newSecret();
        String older = WebhookSigner.newSecret();
        long now = Instant.now().getEpochSecond();
        Map<String, String> headers = WebhookSigner.headers("evt_9", now, BODY, List.of(newer, older));
        assertEquals(2, headers.get("webhook-signature").split(" ").length);
        assertDoesNotThrow(() -> new Webhook(newer).verify(BODY, asReceived(headers)));
        assertDoesNotThrow(() -> new Webhook(older).verify(BODY, asReceived(headers)));
        assertThrows(IllegalArgumentException.class, () -> WebhookSigner.headers("evt_9", now, BODY, List.of()));
    }
}
