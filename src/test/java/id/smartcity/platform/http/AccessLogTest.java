package id.smartcity.platform.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One access line per request: method, route template, status, duration, bytes; the caller in the context. */
@QuarkusTest
class AccessLogTest {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                ext.copyMdc();
                records.add(ext);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        Logger.getLogger(AccessLog.CATEGORY).addHandler(handler);
    }

    @AfterEach
    void stop() {
        Logger.getLogger(AccessLog.CATEGORY).removeHandler(handler);
    }

    private ExtLogRecord lineOf(String requestId) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < until) {
            for (ExtLogRecord r : records) {
                if (requestId.equals(r.getMdc("requestId"))) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no access line for " + requestId + "; lines: " + records.size());
    }

    @Test
    void aRegionReadIsLoggedWithItsRouteTemplateStatusBytesAndCaller() throws Exception {
        String region = TestData.createRegion("Kabupaten Log " + System.nanoTime());
        String token =
                Tokens.user("log-reader").roles("coordinator").regions(region).sign();
        String id = "access-" + System.nanoTime();
        int bytes = given().auth()
                .oauth2(token)
                .header(RequestIds.HEADER, id)
                .get("/api/v1/regions/" + region + "/stakeholders?limit=1")
                .then()
                .statusCode(200)
                .header(RequestIds.HEADER, id)
                .extract()
                .asByteArray()
                .length;
        ExtLogRecord line = lineOf(id);
        String message = line.getFormattedMessage();
        assertTrue(
                message.matches("GET /api/v1/regions/\\{regionCode}/stakeholders 200 \\d+\\.\\dms \\d+B"),
                "method, template, status, duration, bytes: " + message);
        assertTrue(message.endsWith(" " + bytes + "B"), "the body's " + bytes + " bytes: " + message);
        assertEquals(Tokens.subjectOf("log-reader"), line.getMdc(AccessLog.SUBJECT));
        assertEquals("smartcity-dashboard", line.getMdc(AccessLog.CLIENT_ID));
        assertEquals(region, line.getMdc(AccessLog.REGION_CODE));
    }

    @Test
    void aRefusalBeforeAnyRouteIsLoggedAsUnmatchedWithoutACaller() throws Exception {
        String id = "access-" + System.nanoTime();
        given().header(RequestIds.HEADER, id)
                .get("/api/v1/no-such-collection/42")
                .then()
                .statusCode(404)
                .header(RequestIds.HEADER, id);
        ExtLogRecord line = lineOf(id);
        assertTrue(
                line.getFormattedMessage().startsWith("GET " + AccessLog.UNMATCHED + " 404 "),
                "never the raw path with its ids: " + line.getFormattedMessage());
        assertNull(line.getMdc(AccessLog.SUBJECT));
    }
}
