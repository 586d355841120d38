package id.smartcity.webhooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookSubscriptionResourceTest {

    static final String URL = "/api/v1/webhook-subscriptions";

    /** A service account's token (client credentials) in the given regions. */
    static String serviceAccount(String client, String... regions) {
        return Tokens.user("service-account-" + client)
                .roles(Roles.VIEWER)
                .regions(regions)
                .claim("azp", client)
                .claim("client_id", client)
                .sign();
    }

    static Map<String, Object> body(String targetUrl, List<String> types, List<String> regions) {
        Map<String, Object> b = new HashMap<>();
        b.put("targetUrl", targetUrl);
        if (types != null) {
            b.put("eventTypes", types);
        }
        if (regions != null) {
            b.put("regionCodes", regions);
        }
        return b;
    }

    static Response create(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(URL);
    }

    @Test
    void aServiceAccountSubscribesAndTheSecretIsShownOnlyOnce() throws Exception {
        String region = TestData.createRegion("Kabupaten Kait");
        String erp = serviceAccount("erp-" + region, region);
        Response created = create(erp, body("http://127.0.0.1:9/hook", List.of("stakeholder.created"), null));
        created.then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", startsWith("http://"))
                .body("secret", startsWith("whsec_"))
                .body("regionCodes", contains(region))
                .body("eventTypes", contains("stakeholder.created"))
                .body("status", equalTo("ACTIVE"))
                .body("active", equalTo(true));
        String id = created.path("id");
        String secret = created.path("secret");
        String cursor = created.path("cursor");

        // Never again: not in one, not in the list, not after a change, not in the audit trail.
        given().auth().oauth2(erp).get(URL + "/" + id).then().statusCode(200).body("secret", nullValue());
        String list = given().auth()
                .oauth2(erp)
                .get(URL)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(list.contains(secret));
        String patched = given().auth()
                .oauth2(erp)
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body(Map.of("active", false))
                .patch(URL + "/" + id)
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .header("ETag", equalTo("\"1\""))
                .extract()
                .asString();
        assertFalse(patched.contains(secret));
        String audit = given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("entityType", "WEBHOOK_SUBSCRIPTION")
                .queryParam("entityId", id)
                .get("/api/v1/audit-events")
                .then()
                .extract()
                .asString();
        assertFalse(audit.contains(secret));
        assertFalse(audit.contains(secret.substring(6)));

        // Subscriptions are audited but are not changes of the program's data: not in the feed.
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("after", cursor)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .body("items.entity.type", not(hasItem("webhook-subscription")));

        // Rotation: a new secret, once; the old one is still valid for 24 h.
        Response rotated =
                given().auth().oauth2(erp).header("If-Match", "\"1\"").post(URL + "/" + id + "/rotate-secret");
        rotated.then()
                .statusCode(200)
                .body("secret", startsWith("whsec_"))
                .body("previousSecretValidUntil", notNullValue());
        assertNotEquals(secret, rotated.path("secret"));
        given().auth().oauth2(erp).get(URL + "/" + id).then().statusCode(200).body("secret", nullValue());

        // Another service account does not see it; a user who is no admin may not manage any.
        String other = serviceAccount("other-" + region, region);
        given().auth().oauth2(other).get(URL + "/" + id).then().statusCode(404);
        given().auth().oauth2(other).get(URL).then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(TestData.adminToken()).get(URL + "/" + id).then().statusCode(200);
        given().auth()
                .oauth2(Tokens.of(Roles.COORDINATOR, region))
                .get(URL)
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(erp)
                .header("If-Match", "\"0\"")
                .delete(URL + "/" + id)
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(erp)
                .header("If-Match", "\"2\"")
                .delete(URL + "/" + id)
                .then()
                .statusCode(204);
        given().auth().oauth2(erp).get(URL + "/" + id).then().statusCode(404);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String region = TestData.createRegion("Kabupaten Salah");
        String elsewhere = TestData.createRegion("Kabupaten Lain");
        String erp = serviceAccount("bad-" + region, region);

        create(erp, body("http://example.com/hook", null, null))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("targetUrl"));
        create(erp, body("https://10.1.2.3/hook", null, null))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("targetUrl"));
        create(erp, body("https://169.254.169.254/latest", null, null))
                .then()
                .statusCode(422)
                .body("errors.field", contains("targetUrl"));
        create(erp, body("http://127.0.0.1:9/hook", List.of("stakeholder.exploded"), null))
                .then()
                .statusCode(400)
                .body("errors.field", contains("eventTypes"));
        create(erp, body("http://127.0.0.1:9/hook", null, List.of(elsewhere)))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("errors.field", contains("regionCodes"));
        create(erp, body("http://127.0.0.1:9/hook", null, List.of("33")))
                .then()
                .statusCode(400)
                .body("errors.field", contains("regionCodes"));
        given().auth().oauth2(erp).queryParam("bogus", "1").get(URL).then().statusCode(400);
    }
}
