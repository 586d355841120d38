package id.smartcity.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.testsupport.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same answers over HTTP/2 (cleartext, prior knowledge, as a proxy speaking h2c upstream sends
 * them) as over HTTP/1.1: a response carrying {@code Connection} is reset by the HTTP/2 layer, and
 * Quarkus REST cannot take over an HTTP/2 request whose body has already been read.
 */
@QuarkusTest
class Http2Test {

    private static Vertx vertx;

    @TestHTTPResource("/")
    URI base;

    private record Answer(int status, HttpVersion version, MultiMap headers, String body) {}

    @BeforeAll
    static void startClient() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopClient() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private HttpClient client() {
        return vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false)
                .setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort()));
    }

    /**
     * Sends the request over {@code client}; the body in {@code chunks}, without {@code
     * Content-Length} unless {@code headers} names one. Waits for the whole answer.
     */
    private static Answer send(
            HttpClient client, HttpMethod method, String path, Map<String, String> headers, List<String> chunks)
            throws Exception {
        Future<Answer> answer = client.request(method, path).compose(request -> {
            request.putHeader("Authorization", "Bearer " + TestData.adminToken());
            headers.forEach(request::putHeader);
            if (!headers.containsKey("Content-Length")) {
                // No Content-Length: on HTTP/2 "chunked" only keeps the client from adding one.
                request.setChunked(true);
            }
            Future<Answer> response = request.response()
                    .compose(
                            r -> r.body().map(b -> new Answer(r.statusCode(), r.version(), r.headers(), b.toString())));
            sendBody(request, chunks);
            return response;
        });
        return answer.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static void sendBody(HttpClientRequest request, List<String> chunks) {
        for (String chunk : chunks) {
            // A stream reset after the answer fails the writes still queued: expected, not checked.
            request.write(chunk).onFailure(e -> {});
        }
        request.end().onFailure(e -> {});
    }

    private Answer sendHere(HttpMethod method, String path, Map<String, String> headers, List<String> chunks)
            throws Exception {
        HttpClient client = client();
        try {
            return send(client, method, path, headers, chunks);
        } finally {
            client.close();
        }
    }

    private static void assertProblem(Answer a, int status, String type) {
        assertEquals(HttpVersion.HTTP_2, a.version());
        assertEquals(status, a.status(), a.body());
        assertEquals("application/problem+json", a.headers().get("Content-Type"), a.body());
        assertTrue(a.body().contains("\"type\":\"urn:smartcity:problem:" + type + "\""), a.body());
        assertTrue(a.body().contains("\"requestId\""), a.body());
        assertNull(a.headers().get("Connection"), "HTTP/2 forbids Connection");
    }

    private static String regionJson(String code, String name, String padding) {
        return "{" + padding + "\"code\":\"" + code + "\",\"name\":\"" + name
                + "\",\"type\":\"KOTA\",\"province\":\"Jawa Tengah\"}";
    }

    @Test
    void aPathOutsideEveryRouteIsA404Problem() throws Exception {
        Answer a = sendHere(HttpMethod.GET, "/no-such-thing", Map.of(), List.of());
        assertProblem(a, 404, "not-found");
    }

    @Test
    void aRequestWithoutBodyReachesTheRestLayer() throws Exception {
        // DELETE without a body: the headers end the stream. Answered by the REST layer (405).
        Answer a = sendHere(HttpMethod.DELETE, "/api/v1/regions", Map.of(), List.of());
        assertProblem(a, 405, "method-not-allowed");
        assertTrue(a.headers().get("Allow").contains("GET"), a.headers().get("Allow"));
    }

    @Test
    void aDeleteWithoutBodyIsCarriedOut() throws Exception {
        String region = TestData.createRegion(TestData.freshRegionCode(), "Kabupaten Dua Arus");
        Response created = given().auth()
                .oauth2(TestData.adminToken())
                .contentType("application/json")
                .body(Map.of(
                        "name", "Pemangku Dua Arus",
                        "kind", "BUSINESS",
                        "memberships", List.of(Map.of("dimension", "ECONOMY", "role", "MEMBER"))))
                .post("/api/v1/regions/" + region + "/stakeholders");
        assertEquals(201, created.statusCode(), created.asString());
        String path = "/api/v1/regions/" + region + "/stakeholders/" + created.path("id");
        Answer a = sendHere(HttpMethod.DELETE, path, Map.of("If-Match", created.header("ETag")), List.of());
        assertEquals(204, a.status(), a.body());
        assertEquals(HttpVersion.HTTP_2, a.version());
        given().auth().oauth2(TestData.adminToken()).get(path).then().statusCode(404);
    }

    @Test
    void aBodyWithoutContentLengthIsReadWhole() throws Exception {
        String code = TestData.freshRegionCode();
        String json = regionJson(code, "Kota Aliran Dua", " ".repeat(40 * 1024));
        int third = json.length() / 3;
        Answer a = sendHere(
                HttpMethod.POST,
                "/api/v1/regions",
                Map.of("Content-Type", "application/json"),
                List.of(json.substring(0, third), json.substring(third, 2 * third), json.substring(2 * third)));
        assertEquals(201, a.status(), a.body());
        assertEquals(HttpVersion.HTTP_2, a.version());
        assertTrue(a.body().contains("\"name\":\"Kota Aliran Dua\""), a.body());
        given().auth()
                .oauth2(TestData.adminToken())
                .get("/api/v1/regions/" + code)
                .then()
                .statusCode(200)
                .body("name", equalTo("Kota Aliran Dua"));
    }

    @Test
    void anIdempotentRetryWithoutContentLengthIsReplayed() throws Exception {
        // The idempotency key's filter reads the whole body before the resource: it gets it counted.
        String code = TestData.freshRegionCode();
        String json = regionJson(code, "Kota Ulang Dua", "");
        Map<String, String> headers = Map.of(
                "Content-Type",
                "application/json",
                "Idempotency-Key",
                UUID.randomUUID().toString());
        Answer first = sendHere(
                HttpMethod.POST, "/api/v1/regions", headers, List.of(json.substring(0, 20), json.substring(20)));
        Answer retry = sendHere(HttpMethod.POST, "/api/v1/regions", headers, List.of(json));
        assertEquals(201, first.status(), first.body());
        assertNull(first.headers().get("Idempotent-Replayed"));
        assertEquals(201, retry.status(), retry.body());
        assertEquals("true", retry.headers().get("Idempotent-Replayed"));
        assertEquals(first.body(), retry.body());
    }

    @Test
    void aDeclaredBodyOverTheLimitIsA413ProblemAndTheConnectionServesOn() throws Exception {
        String code = TestData.freshRegionCode();
        String json = regionJson(code, "Kota Terlalu Besar", " ".repeat(300 * 1024));
        HttpClient client = client();
        try {
            Answer a = send(
                    client,
                    HttpMethod.POST,
                    "/api/v1/regions",
                    Map.of("Content-Type", "application/json", "Content-Length", Integer.toString(json.length())),
                    List.of(json));
            assertProblem(a, 413, "payload-too-large");
            assertTrue(a.body().contains("256 KiB"), a.body());
            // The stream was reset, not the connection: the next request on it is answered.
            Answer next = send(client, HttpMethod.GET, "/api/v1/regions/" + code, Map.of(), List.of());
            assertProblem(next, 404, "not-found");
        } finally {
            client.close();
        }
    }

    @Test
    void anUndeclaredBodyOverTheLimitIsA413ProblemAndNothingIsWritten() throws Exception {
        String code = TestData.freshRegionCode();
        String padding = " ".repeat(64 * 1024);
        String json = regionJson(code, "Kota Tanpa Panjang", padding.repeat(5));
        int part = json.length() / 5;
        Answer a = sendHere(
                HttpMethod.POST,
                "/api/v1/regions",
                Map.of("Content-Type", "application/json"),
                List.of(
                        json.substring(0, part),
                        json.substring(part, 2 * part),
                        json.substring(2 * part, 3 * part),
                        json.substring(3 * part, 4 * part),
                        json.substring(4 * part)));
        assertProblem(a, 413, "payload-too-large");
        assertFalse(a.body().contains("Kota Tanpa Panjang"));
        given().auth()
                .oauth2(TestData.adminToken())
                .get("/api/v1/regions/" + code)
                .then()
                .statusCode(404);
    }
}
