package id.smartcity.webhooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookDeliveryTest {

    private static final String URL = WebhookSubscriptionResourceTest.URL;

    @Inject
    WebhookDeliveryWorker worker;

    private static void addStakeholder(String region, String name) {
        given().auth()
                .oauth2(Tokens.of(Roles.COORDINATOR, region))
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "GOVERNMENT_AGENCY", "memberships", List.of()))
                .post("/api/v1/regions/" + region + "/stakeholders")
                .then()
                .statusCode(201);
    }

    /** The feed's ids of the region's stakeholder creations. */
    private static List<String> feedIds(String region) {
        return given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("types", "stakeholder.created")
                .queryParam("regionCode", region)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    /** Runs the worker until the receiver has {@code n} requests (other tests' subscriptions share it). */
    private void runUntil(Receiver receiver, int n, Instant at) {
        for (int i = 0; i < 30 && receiver.requests.size() < n; i++) {
            worker.runOnce(at);
        }
    }

    private static Response subscribe(String token, String target, String region) {
        Response created = WebhookSubscriptionResourceTest.create(
                token, WebhookSubscriptionResourceTest.body(target, List.of("stakeholder.created"), List.of(region)));
        created.then().statusCode(201);
        return created;
    }

    @Test
    void threeChangesArriveInOrderSignedWithTheFeedsEventIds() throws Exception {
        String region = TestData.createRegion("Kabupaten Kirim");
        String erp = WebhookSubscriptionResourceTest.serviceAccount("push-" + region, region);
        try (Receiver receiver = new Receiver()) {
            Response created = subscribe(erp, receiver.url(), region);
            String secret = created.path("secret");
            String id = created.path("id");
            addStakeholder(region, "Dinas Satu");
            addStakeholder(region, "Dinas Dua");
            addStakeholder(region, "Dinas Tiga");
            runUntil(receiver, 3, Instant.now());

            List<String> expected = feedIds(region);
            assertEquals(3, expected.size());
            assertEquals(
                    expected,
                    receiver.requests.stream().map(r -> r.header("webhook-id")).toList());
            for (Receiver.Received r : receiver.requests) {
                assertEquals(200, r.answered());
                assertTrue(r.body().contains("\"id\":\"" + r.header("webhook-id") + "\""), r.body());
                assertTrue(r.body().contains("\"type\":\"stakeholder.created\""), r.body());
                // With the library ...
                assertDoesNotThrow(() -> new Webhook(secret).verify(r.body(), r.headers()));
                // ... and with a plain HMAC-SHA256 of id.timestamp.body.
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
                byte[] expectedSig =
                        mac.doFinal((r.header("webhook-id") + "." + r.header("webhook-timestamp") + "." + r.body())
                                .getBytes(StandardCharsets.UTF_8));
                String signature = r.header("webhook-signature");
                assertTrue(signature.startsWith("v1,"), signature);
                assertArrayEquals(expectedSig, Base64.getDecoder().decode(signature.substring(3)));
            }
            given().auth()
                    .oauth2(erp)
                    .get(URL + "/" + id + "/deliveries")
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(3))
                    .body("items[0].success", equalTo(true));

            // A ping is delivered now, synchronously, and signed the same way.
            given().auth()
                    .oauth2(erp)
                    .post(URL + "/" + id + "/ping")
                    .then()
                    .statusCode(200)
                    .body("success", equalTo(true))
                    .body("statusCode", equalTo(200));
            Receiver.Received ping = receiver.requests.get(3);
            assertTrue(ping.body().contains("\"type\":\"webhook.ping\""), ping.body());
            assertDoesNotThrow(() -> new Webhook(secret).verify(ping.body(), ping.headers()));
        }
    }

    @Test
    void aFailedDeliveryIsRetriedAndTheCursorWaitsForIt() throws Exception {
        String region = TestData.createRegion("Kabupaten Ulang");
        String erp = WebhookSubscriptionResourceTest.serviceAccount("retry-" + region, region);
        try (Receiver receiver = new Receiver(500)) {
            Response created = subscribe(erp, receiver.url(), region);
            String id = created.path("id");
            String cursor = created.path("cursor");
            addStakeholder(region, "Dinas Gagal");
            runUntil(receiver, 1, Instant.now());

            assertEquals(1, receiver.requests.size());
            assertEquals(500, receiver.requests.get(0).answered());
            given().auth()
                    .oauth2(erp)
                    .get(URL + "/" + id)
                    .then()
                    .statusCode(200)
                    .body("cursor", equalTo(cursor))
                    .body("attempts", equalTo(1));
            // Not before its time: the retry is due 5-6 s later.
            worker.runOnce(Instant.now());
            assertEquals(1, receiver.requests.size());

            runUntil(receiver, 2, Instant.now().plusSeconds(60));
            assertEquals(2, receiver.requests.size());
            Receiver.Received retried = receiver.requests.get(1);
            assertEquals(200, retried.answered());
            assertEquals(receiver.requests.get(0).header("webhook-id"), retried.header("webhook-id"));
            assertEquals(feedIds(region), List.of(retried.header("webhook-id")));
            // Delivered once successfully: later runs send nothing more.
            worker.runOnce(Instant.now().plusSeconds(120));
            assertEquals(2, receiver.requests.size());
            Response after = given().auth().oauth2(erp).get(URL + "/" + id);
            after.then().statusCode(200).body("attempts", equalTo(0)).body("status", equalTo("ACTIVE"));
            assertTrue(!cursor.equals(after.path("cursor")));
            given().auth()
                    .oauth2(erp)
                    .get(URL + "/" + id + "/deliveries")
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(2))
                    .body("items[0].success", equalTo(true))
                    .body("items[1].statusCode", equalTo(500));
        }
    }

    @Test
    void aSubscriptionFailingForADayIsFailingAndStillRetried() throws Exception {
        String region = TestData.createRegion("Kabupaten Mati");
        String erp = WebhookSubscriptionResourceTest.serviceAccount("dead-" + region, region);
        try (Receiver receiver = new Receiver(500, 500, 500, 200)) {
            String id = subscribe(erp, receiver.url(), region).path("id");
            addStakeholder(region, "Dinas Mati");
            Instant start = Instant.now();
            runUntil(receiver, 1, start);
            runUntil(receiver, 2, start.plus(java.time.Duration.ofHours(1)));
            given().auth().oauth2(erp).get(URL + "/" + id).then().body("status", equalTo("ACTIVE"));
            runUntil(receiver, 3, start.plus(java.time.Duration.ofHours(25)));
            given().auth()
                    .oauth2(erp)
                    .get(URL + "/" + id)
                    .then()
                    .body("status", equalTo("FAILING"))
                    .body("attempts", equalTo(3));
            // Retried hourly; the first success makes it ACTIVE again.
            runUntil(receiver, 4, start.plus(java.time.Duration.ofHours(27)));
            assertEquals(4, receiver.requests.size());
            given().auth()
                    .oauth2(erp)
                    .get(URL + "/" + id)
                    .then()
                    .body("status", equalTo("ACTIVE"))
                    .body("attempts", equalTo(0));
        }
    }
}
