package id.smartcity.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import id.smartcity.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health, metrics, request ids, CORS and security headers. */
@QuarkusTest
class OperationsTest {

    @Test
    void livenessAndReadinessWithTheDatabaseCheck() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void prometheusMetricsIncludeHttpServerRequests() {
        given().auth()
                .oauth2(TestData.adminToken())
                .get("/api/v1/dimensions")
                .then()
                .statusCode(200);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/dimensions\""));
    }

    @Test
    void requestIdIsEchoedWhenSaneAndGeneratedOtherwise() {
        given().header("X-Request-Id", "dashboard-42.a")
                .get("/q/health/live")
                .then()
                .header("X-Request-Id", equalTo("dashboard-42.a"));
        given().get("/api/v1/regions").then().statusCode(401).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "bad id with spaces\tand tabs")
                .get("/q/health/live")
                .then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() {
        given().header("Origin", "https://dashboard.smartcity.test")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/v1/regions")
                .then()
                .header("Access-Control-Allow-Origin", equalTo("https://dashboard.smartcity.test"))
                // Bearer tokens, never cookies: credentials are not allowed cross-origin.
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/regions")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().auth()
                .oauth2(TestData.adminToken())
                .header("Origin", "https://evil.example")
                .get("/api/v1/dimensions")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void pathsOutsideEveryRouteAreProblem404s() {
        given().get("/admin/console")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smartcity:problem:not-found"))
                .body("instance", equalTo("/admin/console"));
    }

    @Test
    void onlyTheApiHealthMetricsAndContractAnswer() {
        for (String path :
                new String[] {"/", "/index.html", "/q/dev-ui", "/q/arc", "/q/info", "/api", "/api/v2/regions"}) {
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
        given().get("/q/health").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    /**
     * Swagger UI is in the jar (quarkus.swagger-ui.always-include) but off unless a profile enables
     * it: dev mode and the demo profile do (KeycloakE2E checks the demo's), production and the test
     * profile do not.
     */
    @Test
    void swaggerUiIsOffOutsideDevAndDemo() {
        for (String path : new String[] {"/q/swagger-ui", "/q/swagger-ui/", "/q/swagger-ui/index.html"}) {
            given().get(path).then().statusCode(404).body(not(containsString("<html")));
        }
    }

    @Test
    void apiResponsesAreNotCachedAndNotSniffed() {
        given().auth()
                .oauth2(TestData.adminToken())
                .get("/api/v1/dimensions")
                .then()
                .header("Cache-Control", equalTo("no-store"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'; sandbox"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Server", not(containsString("Quarkus")));
    }
}
