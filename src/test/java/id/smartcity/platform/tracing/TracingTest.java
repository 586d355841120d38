package id.smartcity.platform.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.platform.problem.Problem;
import id.smartcity.testsupport.RecordedSpans;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/**
 * Traces as the test profile records them (in memory, {@link RecordedSpans}): one request's span
 * tree, a caller's {@code traceparent} continued, and what the spans leave out.
 */
@QuarkusTest
class TracingTest {

    /** W3C Trace Context Level 2's response header: version, trace id, the server span's id, flags. */
    private static final Pattern TRACE_RESPONSE = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    private static final String AUDIT_APPEND = "audit.append";

    @Inject
    RecordedSpans spans;

    /** The application's own configuration (not the test runner's). */
    @Inject
    Config config;

    private static Matcher traceResponse(Response response) {
        String header = response.header(Traces.TRACE_RESPONSE);
        assertNotNull(header, "every answer carries traceresponse while tracing is on");
        Matcher m = TRACE_RESPONSE.matcher(header);
        assertTrue(m.matches(), header);
        return m;
    }

    private static boolean isJdbc(SpanData s) {
        return s.getKind() == SpanKind.CLIENT
                && (s.getAttributes().get(AttributeKey.stringKey("db.system")) != null
                        || s.getAttributes().get(AttributeKey.stringKey("db.system.name")) != null);
    }

    private static SpanData server(List<SpanData> trace) {
        return trace.stream()
                .filter(s -> s.getKind() == SpanKind.SERVER)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no server span in " + names(trace)));
    }

    private static Optional<SpanData> named(List<SpanData> trace, String name) {
        return trace.stream().filter(s -> s.getName().equals(name)).findFirst();
    }

    private static List<String> names(List<SpanData> trace) {
        return trace.stream().map(SpanData::getName).toList();
    }

    /** Whether {@code span} descends from {@code ancestor} in {@code trace}. */
    private static boolean descends(SpanData span, SpanData ancestor, List<SpanData> trace) {
        Map<String, SpanData> byId = new HashMap<>();
        trace.forEach(s -> byId.put(s.getSpanId(), s));
        SpanData at = span;
        while (at != null) {
            if (at.getParentSpanId().equals(ancestor.getSpanId())) {
                return true;
            }
            at = byId.get(at.getParentSpanId());
        }
        return false;
    }

    @Test
    void theSwitchIsAmongTheApplicationsConfigSources() {
        // The test profile overrides its values (tracing on, no endpoint); production has no such override.
        StringBuilder names = new StringBuilder();
        boolean found = false;
        for (ConfigSource source : config.getConfigSources()) {
            names.append(source.getName()).append("; ");
            // SmallRye names it PropertiesConfigSource[source=TracingSwitch]
            found |= source.getName().contains(TracingSwitch.NAME);
        }
        assertTrue(found, "TracingSwitch is registered (META-INF/services): " + names);
    }

    @Test
    void aWriteIsOneTreeFromTheServerSpanThroughItsStatementsToTheAuditAppend() {
        Response created = given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code", TestData.freshRegionCode(),
                        "name", "Kabupaten Jejak",
                        "type", "KABUPATEN",
                        "province", "Jawa Tengah"))
                .post("/api/v1/regions");
        created.then().statusCode(201);
        Matcher ids = traceResponse(created);
        String traceId = ids.group(1);

        List<SpanData> trace = spans.await(
                traceId,
                t -> t.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER)
                        && named(t, AUDIT_APPEND).isPresent());
        SpanData server = server(trace);
        assertEquals("POST /api/v1/regions", server.getName());
        assertFalse(server.getParentSpanContext().isValid(), "a request without traceparent starts a trace");
        assertEquals(ids.group(2), server.getSpanId(), "traceresponse names the server span");
        assertEquals(201L, server.getAttributes().get(AttributeKey.longKey("http.response.status_code")));

        SpanData audit = named(trace, AUDIT_APPEND).orElseThrow();
        assertTrue(descends(audit, server, trace), "audit.append is inside the request: " + names(trace));
        assertEquals(1L, audit.getAttributes().get(AttributeKey.longKey("smartcity.audit.events")));

        List<SpanData> statements = trace.stream().filter(TracingTest::isJdbc).toList();
        assertFalse(statements.isEmpty(), "the request's statements are spans: " + names(trace));
        statements.forEach(s -> assertTrue(descends(s, server, trace), s.getName()));
        assertTrue(
                statements.stream().anyMatch(s -> s.getParentSpanId().equals(audit.getSpanId())),
                "the chain's statements are audit.append's children: " + names(trace));
    }

    @Test
    void anIncomingTraceparentIsContinuedInTheSpansTheHeaderAndTheProblem() {
        String traceId = hex(32);
        String parent = hex(16);
        Response missing = given().auth()
                .oauth2(TestData.adminToken())
                .header("traceparent", "00-" + traceId + "-" + parent + "-01")
                .get("/api/v1/regions/99.99");
        missing.then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("traceId", org.hamcrest.Matchers.equalTo(traceId))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
        Matcher ids = traceResponse(missing);
        assertEquals(traceId, ids.group(1));

        List<SpanData> trace = spans.await(traceId, t -> t.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER));
        SpanData server = server(trace);
        assertEquals(parent, server.getParentSpanId(), "the caller's span is the server span's parent");
        assertEquals(ids.group(2), server.getSpanId());
        assertEquals("GET /api/v1/regions/{regionCode}", server.getName(), "named by its route, never the raw path");
    }

    @Test
    void aPathNoRouteAnswersCarriesTheTraceToo() {
        String traceId = hex(32);
        Response missing = given().header("traceparent", "00-" + traceId + "-" + hex(16) + "-01")
                .get("/api/v1/no-such-resource/4f9d3c1e");
        missing.then().statusCode(404).body("traceId", org.hamcrest.Matchers.equalTo(traceId));
        assertEquals(traceId, traceResponse(missing).group(1));
        SpanData server = server(spans.await(traceId, t -> t.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER)));
        assertFalse(server.getName().contains("4f9d3c1e"), server.getName());
    }

    @Test
    void queryValuesNeverReachASpan() {
        String region = TestData.createRegion("Kabupaten Saring");
        Response listed = given().auth()
                .oauth2(Tokens.user("trace-reader")
                        .roles("coordinator")
                        .regions(region)
                        .sign())
                .get("/api/v1/regions/" + region + "/stakeholders?limit=1&q=Budi%20Santoso");
        listed.then().statusCode(200);
        String traceId = traceResponse(listed).group(1);
        SpanData server = server(spans.await(traceId, t -> t.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER)));
        assertEquals("GET /api/v1/regions/{regionCode}/stakeholders", server.getName());
        assertEquals("limit=REDACTED&q=REDACTED", server.getAttributes().get(AttributeKey.stringKey("url.query")));
        server.getAttributes()
                .forEach((key, value) ->
                        assertFalse(String.valueOf(value).contains("Budi"), key + " holds the search text"));
    }

    private static String hex(int digits) {
        StringBuilder s = new StringBuilder(digits);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < digits; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }
}
