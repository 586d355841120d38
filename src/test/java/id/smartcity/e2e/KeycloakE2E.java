package id.smartcity.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.stack.SmartCityStack;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end against the real Keycloak 26.7.3 with the realm of {@code deploy/keycloak} and the
 * packaged API with the Purbalingga demo, both started as processes on free ports, on a throw-away
 * database: the run's shared {@link E2EStack}. Tokens come from Keycloak by password grant (demo users through {@code smartcity-cli})
 * and by client credentials (the {@code sipd-integration} service account); nothing is signed by
 * the test itself.
 */
@ExtendWith(E2EStack.Resolver.class)
class KeycloakE2E {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PURBALINGGA = "33.03";
    private static final String BANYUMAS = "33.02";
    /** The demo's lead of Smart Governance in Purbalingga (DemoData's deterministic id). */
    private static final String DEMO_STAKEHOLDER = java.util
            .UUID
            .nameUUIDFromBytes("demo-stakeholder-Dinas Komunikasi dan Informatika".getBytes(StandardCharsets.UTF_8))
            .toString();

    private static SmartCityStack stack;

    @BeforeAll
    static void start(E2EStack e2e) {
        stack = e2e.stack();
    }

    // --- tokens --------------------------------------------------------------------------------

    private static String passwordToken(String username) {
        return tokenResponse(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "smartcity-cli",
                        "username",
                        username,
                        "password",
                        "demo"))
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static String clientToken(String realm, String clientId, String secret) {
        return given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .post(stack.keycloakUrl() + "/realms/" + realm + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static Response tokenResponse(Map<String, String> form) {
        return given().contentType(ContentType.URLENC).formParams(form).post(stack.tokenEndpoint());
    }

    private static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestSpecification api(String token) {
        RequestSpecification spec = given().baseUri(stack.apiUrl()).basePath("/api/v1");
        return token == null ? spec : spec.auth().oauth2(token);
    }

    /** Keycloak's admin REST API as the bootstrap administrator of the master realm. */
    private static RequestSpecification keycloakAdmin() {
        String token = given().contentType(ContentType.URLENC)
                .formParams(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        SmartCityStack.KEYCLOAK_ADMIN,
                        "password",
                        SmartCityStack.KEYCLOAK_ADMIN_PASSWORD))
                .post(stack.keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        return given().baseUri(stack.keycloakUrl() + "/admin/realms")
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON);
    }

    // --- the realm -----------------------------------------------------------------------------

    static Stream<Arguments> demoUsers() {
        return Stream.of(
                Arguments.of("admin", "admin", List.of(PURBALINGGA)),
                Arguments.of("coordinator", "coordinator", List.of(PURBALINGGA)),
                Arguments.of("contributor", "contributor", List.of(PURBALINGGA)),
                Arguments.of("viewer", "viewer", List.of(PURBALINGGA)),
                Arguments.of("auditor", "auditor", List.of()),
                Arguments.of("banyumas-coordinator", "coordinator", List.of(BANYUMAS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoUsers")
    void passwordGrantGivesTheRoleTheRegionsAndTheApiAudience(String username, String role, List<String> regions) {
        JsonNode claims = claims(passwordToken(username));
        assertEquals(stack.issuer(), claims.path("iss").asText());
        assertTrue(audience(claims).contains("smartcity-api"), "aud: " + claims.path("aud"));
        assertEquals("smartcity-cli", claims.path("azp").asText());
        assertEquals(List.of(role), strings(claims.path("realm_access").path("roles")));
        assertEquals(username, claims.path("preferred_username").asText());
        if (regions.isEmpty()) {
            assertFalse(claims.has("region_codes"), "no region claim: " + claims);
        } else {
            assertEquals(regions, strings(claims.path("region_codes")));
        }
    }

    @Test
    void theDashboardClientIsAuthorizationCodeWithPkceOnly() {
        tokenResponse(Map.of(
                        "grant_type", "password",
                        "client_id", "smartcity-dashboard",
                        "username", "viewer",
                        "password", "demo"))
                .then()
                .statusCode(400)
                .body("error", equalTo("unauthorized_client"));
        String auth = stack.issuer() + "/protocol/openid-connect/auth";
        Map<String, String> request = new HashMap<>(Map.of(
                "client_id", "smartcity-dashboard",
                "response_type", "code",
                "scope", "openid",
                "redirect_uri", "http://localhost:8090/callback"));
        // Without a PKCE challenge Keycloak sends the browser back with an error, never to a login page.
        given().redirects()
                .follow(false)
                .queryParams(request)
                .get(auth)
                .then()
                .statusCode(302)
                .header("Location", containsString("error=invalid_request"));
        request.put("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        request.put("code_challenge_method", "S256");
        given().redirects()
                .follow(false)
                .queryParams(request)
                .get(auth)
                .then()
                .statusCode(200)
                .body(containsString("kc-form-login"));
        // Swagger UI's Authorize on the local stack (./run.sh, port 8080) logs in through this client too.
        request.put("redirect_uri", "http://localhost:8080/q/swagger-ui/oauth2-redirect.html");
        given().redirects()
                .follow(false)
                .queryParams(request)
                .get(auth)
                .then()
                .statusCode(200)
                .body(containsString("kc-form-login"));
        request.put("redirect_uri", "https://attacker.example/callback");
        given().redirects()
                .follow(false)
                .queryParams(request)
                .get(auth)
                .then()
                .statusCode(400)
                .body(not(containsString("kc-form-login")));
    }

    // --- roles ---------------------------------------------------------------------------------

    @Test
    void viewersReadWithoutPersonalDataAndCannotWrite() {
        String viewer = passwordToken("viewer");
        api(viewer)
                .get("/regions/" + PURBALINGGA + "/stakeholders?limit=100")
                .then()
                .statusCode(200)
                .body("total", greaterThanOrEqualTo(16))
                .body("items", everyItem(not(hasKey("email"))))
                .body("items", everyItem(not(hasKey("phone"))));
        api(viewer)
                .contentType(ContentType.JSON)
                .body(stakeholder("Forum Warga Viewer"))
                .post("/regions/" + PURBALINGGA + "/stakeholders")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smartcity:problem:forbidden"));
        api(viewer).get("/audit-events").then().statusCode(403).body("status", equalTo(403));
    }

    @Test
    void contributorsDraftCoordinatorsArchiveAndTheAuditTrailNamesThem() {
        String contributor = passwordToken("contributor");
        String coordinator = passwordToken("coordinator");
        api(contributor)
                .get("/regions/" + PURBALINGGA + "/stakeholders/" + DEMO_STAKEHOLDER)
                .then()
                .statusCode(200)
                .body("email", notNullValue());
        String location = api(contributor)
                .contentType(ContentType.JSON)
                .body(stakeholder("Komunitas Relawan TIK Bukateja"))
                .post("/regions/" + PURBALINGGA + "/stakeholders")
                .then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", containsString("/api/v1/regions/33.03/stakeholders/"))
                .extract()
                .header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        String path = "/regions/" + PURBALINGGA + "/stakeholders/" + id;
        api(contributor)
                .contentType("application/merge-patch+json")
                .body(Map.of("active", false))
                .patch(path)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:smartcity:problem:forbidden"));
        api(coordinator)
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body(Map.of("active", false))
                .patch(path)
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .header("ETag", equalTo("\"1\""));

        String auditor = passwordToken("auditor");
        api(auditor)
                .queryParam("entityId", id)
                .get("/audit-events")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].action", equalTo("CREATE"))
                .body("items[0].actor.username", equalTo("contributor"))
                .body("items[0].actor.clientId", equalTo("smartcity-cli"))
                .body("items[1].action", equalTo("ARCHIVE"))
                .body("items[1].actor.username", equalTo("coordinator"));
        api(auditor).get("/audit-events/verify").then().statusCode(200).body("valid", equalTo(true));
        api(auditor)
                .contentType(ContentType.JSON)
                .body(stakeholder("Auditor writes nothing"))
                .post("/regions/" + PURBALINGGA + "/stakeholders")
                .then()
                .statusCode(403);
    }

    @Test
    void onlyAdminsCreateRegions() {
        Map<String, Object> region =
                Map.of("code", "33.29", "name", "Kabupaten Brebes", "type", "KABUPATEN", "province", "Jawa Tengah");
        api(passwordToken("coordinator"))
                .contentType(ContentType.JSON)
                .body(region)
                .post("/regions")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:smartcity:problem:forbidden"));
        api(passwordToken("admin"))
                .contentType(ContentType.JSON)
                .body(region)
                .post("/regions")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/regions/33.29"))
                .body("name", equalTo("Kabupaten Brebes"));
    }

    // --- tenancy -------------------------------------------------------------------------------

    @Test
    void aCoordinatorOfBanyumasSeesNothingOfPurbalingga() {
        String banyumas = passwordToken("banyumas-coordinator");
        api(banyumas)
                .get("/regions/" + PURBALINGGA)
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:smartcity:problem:not-found"));
        api(banyumas)
                .get("/regions/" + PURBALINGGA + "/stakeholders/" + DEMO_STAKEHOLDER)
                .then()
                .statusCode(404);
        api(banyumas).get("/regions/" + PURBALINGGA + "/dashboard").then().statusCode(404);
        // Another region's collections are 404 like the region itself (issue #18), not an empty page.
        api(banyumas)
                .get("/regions/" + PURBALINGGA + "/stakeholders")
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:smartcity:problem:not-found"));
        api(banyumas).get("/regions").then().statusCode(200).body("items.code", equalTo(List.of(BANYUMAS)));
        api(banyumas)
                .contentType("application/merge-patch+json")
                .body(Map.of("name", "taken over"))
                .patch("/regions/" + PURBALINGGA + "/stakeholders/" + DEMO_STAKEHOLDER)
                .then()
                .statusCode(404);
        api(banyumas)
                .get("/regions/" + BANYUMAS + "/dashboard")
                .then()
                .statusCode(200)
                .body("dimensions", hasSize(6));
    }

    @Test
    void theServiceAccountOfAnIntegratingSystemReadsPurbalinggaOnly() {
        String token = clientToken(SmartCityStack.REALM, "sipd-integration", "demo-only-sipd-secret");
        JsonNode claims = claims(token);
        assertEquals("sipd-integration", claims.path("azp").asText());
        assertEquals(List.of(PURBALINGGA), strings(claims.path("region_codes")));
        api(token)
                .get("/regions/" + PURBALINGGA + "/dashboard")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("regionCode", equalTo(PURBALINGGA))
                .body("dimensions.dimension", hasItem("GOVERNANCE"))
                .body("dimensions", hasSize(6));
        api(token)
                .get("/regions/" + PURBALINGGA + "/stakeholders?limit=100")
                .then()
                .statusCode(200)
                .body("total", greaterThanOrEqualTo(16))
                .body("items", everyItem(not(hasKey("email"))));
        api(token).get("/regions/" + BANYUMAS + "/dashboard").then().statusCode(404);
        api(token)
                .contentType(ContentType.JSON)
                .body(stakeholder("Written by a machine"))
                .post("/regions/" + PURBALINGGA + "/stakeholders")
                .then()
                .statusCode(403);
    }

    // --- refused tokens ------------------------------------------------------------------------

    @Test
    void thePackagedApplicationShowsNoDevEndpointsAndSendsSecurityHeaders() {
        // Swagger UI is in the jar but served in the demo profile only (quarkus.swagger-ui.enabled; off in
        // production and in the fast suite's test profile, see OperationsTest).
        given().baseUri(stack.apiUrl())
                .get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("SwaggerUIBundle"))
                .body(containsString("smartcity-dashboard"));
        for (String path : List.of("/q/dev-ui", "/q/dev", "/q/arc")) {
            given().baseUri(stack.apiUrl())
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:smartcity:problem:not-found"))
                    .body(not(containsString("<html")));
        }
        given().baseUri(stack.apiUrl()).get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
        api(passwordToken("viewer"))
                .get("/regions/" + PURBALINGGA)
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    @Test
    void noTokenIs401WithABearerChallenge() {
        api(null)
                .get("/regions/" + PURBALINGGA + "/dashboard")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:smartcity:problem:unauthorized"));
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        // A client whose access tokens live 2 s, made for this test through Keycloak's admin API.
        RequestSpecification admin = keycloakAdmin();
        admin.body(Map.of(
                        "clientId",
                        "e2e-short-lived",
                        "publicClient",
                        false,
                        "secret",
                        "e2e-short-lived-secret",
                        "serviceAccountsEnabled",
                        true,
                        "standardFlowEnabled",
                        false,
                        "directAccessGrantsEnabled",
                        false,
                        "attributes",
                        Map.of("access.token.lifespan", "2"),
                        "protocolMappers",
                        List.of(audienceMapper("included.client.audience"))))
                .post("/" + SmartCityStack.REALM + "/clients")
                .then()
                .statusCode(201);
        String token = clientToken(SmartCityStack.REALM, "e2e-short-lived", "e2e-short-lived-secret");
        long exp = claims(token).path("exp").asLong();
        assertTrue(exp - Instant.now().getEpochSecond() <= 3, "lifespan of 2 s: exp " + exp);
        // Valid while it lives (the dimensions need only a valid token) …
        api(token).get("/dimensions").then().statusCode(200).body("items", hasSize(6));
        while (Instant.now().getEpochSecond() <= exp + 1) {
            Thread.sleep(250);
        }
        // … and refused once it has expired.
        api(token)
                .get("/dimensions")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("type", equalTo("urn:smartcity:problem:unauthorized"));
    }

    @Test
    void aTokenFromAnotherRealmIsRefusedEvenWithTheRightAudienceAndRole() {
        Map<String, Object> realm = Map.of(
                "realm",
                "elsewhere",
                "enabled",
                true,
                "roles",
                Map.of("realm", List.of(Map.of("name", "admin"))),
                "clients",
                List.of(Map.of(
                        "clientId",
                        "intruder",
                        "publicClient",
                        false,
                        "secret",
                        "intruder-secret",
                        "serviceAccountsEnabled",
                        true,
                        "standardFlowEnabled",
                        false,
                        "protocolMappers",
                        List.of(audienceMapper("included.custom.audience")))),
                "users",
                List.of(Map.of(
                        "username",
                        "service-account-intruder",
                        "enabled",
                        true,
                        "serviceAccountClientId",
                        "intruder",
                        "realmRoles",
                        List.of("admin"))));
        keycloakAdmin().body(realm).post("").then().statusCode(201);
        String token = clientToken("elsewhere", "intruder", "intruder-secret");
        JsonNode claims = claims(token);
        assertTrue(audience(claims).contains("smartcity-api"), "aud: " + claims.path("aud"));
        assertEquals(List.of("admin"), strings(claims.path("realm_access").path("roles")));
        api(token)
                .get("/regions")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("type", equalTo("urn:smartcity:problem:unauthorized"));
    }

    // --- helpers -------------------------------------------------------------------------------

    private static Map<String, Object> audienceMapper(String key) {
        return Map.of(
                "name", "audience",
                "protocol", "openid-connect",
                "protocolMapper", "oidc-audience-mapper",
                "config", Map.of(key, "smartcity-api", "access.token.claim", "true"));
    }

    private static Map<String, Object> stakeholder(String name) {
        return Map.of(
                "name",
                name,
                "kind",
                "COMMUNITY",
                "email",
                "relawan@bukateja.example",
                "memberships",
                List.of(Map.of("dimension", "SOCIETY", "role", "MEMBER")));
    }

    private static List<String> audience(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? strings(aud) : List.of(aud.asText());
    }

    private static List<String> strings(JsonNode array) {
        return Stream.of(JSON.convertValue(array, String[].class)).toList();
    }

    // --- logs ----------------------------------------------------------------------------------

    /**
     * The API of this run logs as in production: JSON lines. A coordinator's list of stakeholders
     * (whose answer carries emails and phones) leaves an access line with the route template, the
     * status, the caller's subject and the region, and no line of the log names an email.
     */
    @Test
    void theApiLogsJsonLinesWithTheRouteTheCallerAndNoPersonalData() throws Exception {
        String token = passwordToken("coordinator");
        String subject = claims(token).path("sub").asText();
        String requestId = "e2e-log-" + System.nanoTime();
        String body = api(token)
                .header("X-Request-Id", requestId)
                .get("/regions/{code}/stakeholders", PURBALINGGA)
                .then()
                .statusCode(200)
                .header("X-Request-Id", requestId)
                .extract()
                .asString();
        assertTrue(body.contains("@"), "the coordinator sees the stakeholders' emails: " + body);

        JsonNode access = null;
        List<String> lines = List.of();
        for (int i = 0; i < 50 && access == null; i++) {
            lines = java.nio.file.Files.readAllLines(stack.apiLog(), StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.contains(requestId) && line.contains("id.smartcity.access")) {
                    access = JSON.readTree(line);
                }
            }
            if (access == null) {
                Thread.sleep(100);
            }
        }
        assertTrue(access != null, "no access line for " + requestId + " in " + stack.apiLog());
        assertEquals("INFO", access.path("level").asText());
        assertEquals("id.smartcity.access", access.path("loggerName").asText());
        assertTrue(
                access.path("message").asText().startsWith("GET /api/v1/regions/{regionCode}/stakeholders 200 "),
                "the route template, not the path: " + access);
        assertFalse(access.path("timestamp").asText().isEmpty(), access.toString());
        JsonNode mdc = access.path("mdc");
        assertEquals(requestId, mdc.path("requestId").asText(), access.toString());
        assertEquals(subject, mdc.path("subject").asText(), access.toString());
        assertEquals("smartcity-cli", mdc.path("clientId").asText(), access.toString());
        assertEquals(PURBALINGGA, mdc.path("regionCode").asText(), access.toString());
        int json = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode parsed = JSON.readTree(line); // every line is one JSON object
            assertTrue(parsed.has("level") && parsed.has("message"), line);
            assertFalse(
                    line.matches(".*[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[a-z]{2,}.*"), "an email in the log: " + line);
            json++;
        }
        assertTrue(json > 10, "log lines: " + json);
    }
}
