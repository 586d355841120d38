package id.smartcity.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import id.smartcity.testsupport.contract.NotContractChecked;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** Every error the shared mechanisms produce is an RFC 9457 problem that leaks nothing internal. */
@QuarkusTest
class ProblemsTest {

    @TestHTTPResource("/api/v1/regions")
    URI regions;

    private static ValidatableResponse postRegion(String body) {
        return given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/regions")
                .then();
    }

    private static ValidatableResponse isProblem(ValidatableResponse r, int status, String type) {
        return r.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo("urn:smartcity:problem:" + type))
                .body("title", notNullValue())
                .body("requestId", notNullValue())
                .body(allOf(
                        not(containsString("Exception")),
                        not(containsString("jackson")),
                        not(containsString("id.smartcity")),
                        not(containsString("\tat "))));
    }

    @Test
    void malformedJsonIs400WithItsPositionButNotTheBody() {
        isProblem(postRegion("{\"code\": \"77.01\", \"name\": "), 400, "malformed-request")
                .body("detail", containsString("line 1"));
    }

    @Test
    void unknownPropertyIsNamed() {
        isProblem(
                        postRegion(
                                "{\"code\":\"77.02\",\"name\":\"X\",\"type\":\"KOTA\",\"province\":\"Y\",\"mayor\":\"Z\"}"),
                        400,
                        "validation")
                .body("errors[0].field", equalTo("mayor"))
                .body("errors[0].message", equalTo("is not a known property"));
    }

    @Test
    void readOnlyPropertyIsNamedAsSuch() {
        isProblem(
                        postRegion(
                                "{\"code\":\"77.03\",\"name\":\"X\",\"type\":\"KOTA\",\"province\":\"Y\",\"createdAt\":\"2024-07-11T09:00:00Z\"}"),
                        400,
                        "validation")
                .body("errors[0].field", equalTo("createdAt"))
                .body("errors[0].message", equalTo("is read-only"));
    }

    @Test
    void noSilentCoercionOfAStringToANumber() {
        isProblem(
                        postRegion(
                                "{\"code\":\"77.04\",\"name\":\"X\",\"type\":\"KOTA\",\"province\":\"Y\",\"cohortYear\":\"2024\"}"),
                        400,
                        "validation")
                .body("errors[0].field", equalTo("cohortYear"));
        isProblem(
                        postRegion(
                                "{\"code\":\"77.04\",\"name\":\"X\",\"type\":\"KOTA\",\"province\":\"Y\",\"cohortYear\":2024.5}"),
                        400,
                        "validation")
                .body("errors[0].field", equalTo("cohortYear"));
    }

    @Test
    void nestedFieldsAreNamedWithTheirPath() {
        isProblem(
                        postRegion(
                                "{\"code\":\"77.05\",\"name\":\"X\",\"type\":\"KOTA\",\"province\":\"Y\","
                                        + "\"dimensionCoordinators\":[{\"dimension\":\"LIVING\",\"agency\":\"A\"},{\"dimension\":\"WEALTH\",\"agency\":\"B\"}]}"),
                        400,
                        "validation")
                .body("errors[0].field", equalTo("dimensionCoordinators[1].dimension"))
                .body("errors[0].message", containsString("GOVERNANCE"));
        isProblem(
                        postRegion("{\"code\":\"77.05\",\"name\":\"X\",\"type\":\"KOTA\",\"province\":\"Y\","
                                + "\"dimensionCoordinators\":[{\"dimension\":\"LIVING\",\"agency\":\"\"}]}"),
                        400,
                        "validation")
                .body("errors[0].field", equalTo("dimensionCoordinators[0].agency"));
    }

    @Test
    void duplicateKeysAreRejected() {
        isProblem(
                postRegion(
                        "{\"code\":\"77.06\",\"code\":\"77.07\",\"name\":\"X\",\"type\":\"KOTA\",\"province\":\"Y\"}"),
                400,
                "malformed-request");
    }

    @Test
    void missingOrNonObjectBodyIs400() {
        isProblem(postRegion(""), 400, "validation").body("errors[0].field", equalTo("body"));
        isProblem(postRegion("[1,2]"), 400, "malformed-request");
    }

    @Test
    void unknownPathIs404Problem() {
        isProblem(
                        given().auth()
                                .oauth2(TestData.adminToken())
                                .get("/api/v1/nothing-here")
                                .then(),
                        404,
                        "not-found")
                .body("instance", equalTo("/api/v1/nothing-here"));
    }

    @Test
    void aMalformedRegionCodeInAnyPathIs400NamingIt() {
        for (String path : new String[] {
            "/api/v1/regions/3303", "/api/v1/regions/x/stakeholders", "/api/v1/regions/33-03/dashboard"
        }) {
            isProblem(given().auth().oauth2(TestData.adminToken()).get(path).then(), 400, "validation")
                    .body("errors[0].field", equalTo("regionCode"));
        }
    }

    @Test
    void wrongMethodIs405WithAllow() {
        isProblem(
                        given().auth()
                                .oauth2(TestData.adminToken())
                                .delete("/api/v1/regions")
                                .then(),
                        405,
                        "method-not-allowed")
                .header("Allow", containsString("GET"));
    }

    @Test
    void unacceptableMediaTypeIs406() {
        isProblem(
                given().auth()
                        .oauth2(TestData.adminToken())
                        .accept("application/xml")
                        .get("/api/v1/regions")
                        .then(),
                406,
                "not-acceptable");
    }

    @Test
    void unsupportedContentTypeIs415() {
        isProblem(
                given().auth()
                        .oauth2(TestData.adminToken())
                        .contentType("text/plain")
                        .body("code=77.08")
                        .post("/api/v1/regions")
                        .then(),
                415,
                "unsupported-media-type");
    }

    /** POSTs the body in chunks of unknown total length, as streaming clients do (HTTP/1.1). */
    private HttpResponse<String> postChunked(URI uri, String body) throws Exception {
        return postChunked(uri, body, TestData.adminToken());
    }

    private HttpResponse<String> postChunked(URI uri, String body, String token) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void chunkedBodyOverTheLimitIs413WithAProblemBody() throws Exception {
        // Well past the limit, so that much is still in flight when the answer goes out.
        String huge = "{\"code\":\"77.08\",\"name\":\"" + "x".repeat(1024 * 1024)
                + "\",\"type\":\"KOTA\",\"province\":\"Y\"}";
        HttpResponse<String> r = postChunked(regions, huge);
        assertEquals(413, r.statusCode(), r.body());
        assertEquals(Optional.of("application/problem+json"), r.headers().firstValue("Content-Type"));
        assertEquals(Optional.of("close"), r.headers().firstValue("Connection"));
        assertTrue(r.body().contains("\"type\":\"urn:smartcity:problem:payload-too-large\""), r.body());
        assertTrue(r.body().contains("256 KiB"), r.body());
        assertTrue(r.body().contains("\"requestId\""), r.body());
        given().auth()
                .oauth2(TestData.adminToken())
                .get("/api/v1/regions/77.08")
                .then()
                .statusCode(404);
    }

    @Test
    void aTokenThatDoesNotVerifyIsTurnedAwayBeforeAChunkedBodyIsRead() throws Exception {
        String huge = "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}";
        HttpResponse<String> r = postChunked(regions, huge, TestData.adminToken() + "x");
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(r.body().contains("urn:smartcity:problem:unauthorized"), r.body());
    }

    @Test
    void chunkedBodyWithinTheLimitIsReadWhole() throws Exception {
        // 200 KiB of JSON whitespace: valid, under the limit, and sent in many chunks.
        String name = "Kota Berkas Bertahap";
        HttpResponse<String> r = postChunked(
                regions,
                "{" + " ".repeat(200 * 1024) + "\"code\":\"77.10\",\"name\":\"" + name
                        + "\",\"type\":\"KOTA\",\"province\":\"Jawa Tengah\"}");
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(
                Optional.of("application/json"),
                r.headers().firstValue("Content-Type").map(t -> t.split(";")[0]));
        given().auth()
                .oauth2(TestData.adminToken())
                .get("/api/v1/regions/77.10")
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("province", equalTo("Jawa Tengah"));
    }

    @Test
    void chunkedMalformedBodyIsTheUsual400() throws Exception {
        HttpResponse<String> r = postChunked(regions, "{\"code\": \"77.11\", \"name\": ");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("urn:smartcity:problem:malformed-request"), r.body());
    }

    @Test
    void oversizedBodyIs413() {
        String huge =
                "{\"code\":\"77.09\",\"name\":\"" + "x".repeat(300 * 1024) + "\",\"type\":\"KOTA\",\"province\":\"Y\"}";
        isProblem(
                        given().auth()
                                .oauth2(TestData.adminToken())
                                .contentType(ContentType.JSON)
                                .body(huge)
                                .post("/api/v1/regions")
                                .then(),
                        413,
                        "payload-too-large")
                .body("detail", containsString("256"));
    }

    @Test
    @NotContractChecked("calls the test-only endpoint /api/v1/test-only/failure (testsupport.FailingResource), which is"
            + " hidden from the contract on purpose; no operation of the contract is exercised")
    void unexpectedErrorIs500WithoutInternalsAndItsLogLineCarriesTheRequestId() {
        List<ExtLogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                ExtLogRecord ext = (ExtLogRecord) record;
                // Copies the logging thread's MDC into the record before this thread reads it.
                ext.copyAll();
                logged.add(ext);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(ProblemMapper.class.getName());
        logger.addHandler(capture);
        try {
            unexpectedErrorIs500();
        } finally {
            logger.removeHandler(capture);
        }
        // JBoss ERROR is its own Level instance, as severe as SEVERE.
        assertTrue(
                logged.stream()
                        .anyMatch(r -> "trace-500-test".equals(r.getMdc("requestId"))
                                && r.getLevel().intValue() >= Level.SEVERE.intValue()),
                "the error was logged with the request id");
    }

    private static void unexpectedErrorIs500() {
        isProblem(
                        given().auth()
                                .oauth2(TestData.adminToken())
                                .header("X-Request-Id", "trace-500-test")
                                .get("/api/v1/test-only/failure")
                                .then(),
                        500,
                        "internal")
                .body("requestId", equalTo("trace-500-test"))
                .body(allOf(not(containsString("SELECT")), not(containsString("hunter2"))));
    }

    @Test
    void problemsCarryTheRequestId() {
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, "33.03"))
                .get("/api/v1/regions/99.98")
                .then()
                .statusCode(404)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void validationProblemsNameEveryQueryParameter() {
        isProblem(
                        given().auth()
                                .oauth2(TestData.adminToken())
                                .queryParams(Map.of("limit", "1000", "offset", "-1", "sort", "mayor"))
                                .get("/api/v1/regions")
                                .then(),
                        400,
                        "validation")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("limit", "offset", "sort"));
    }
}
