package id.smartcity.platform.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.platform.idempotency.IdempotencyTest;
import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.Db;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rate limits (DESIGN §4) with limits small enough to reach: 5 a minute per user, 8 per service
 * account, 3 per address without a token. Every test uses callers of its own. Windows are calendar
 * minutes: a test that sends several requests over HTTP first waits until the minute has at least
 * 15 seconds left, so that it never races a minute boundary; the boundary itself is tested on the
 * limiter with explicit times.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "smartcity.rate-limit.user-per-minute", "5",
                    "smartcity.rate-limit.service-account-per-minute", "8",
                    "smartcity.rate-limit.anonymous-per-minute", "3");
        }
    }

    private static final String DIMENSIONS = "/api/v1/dimensions";

    @Inject
    RateLimitStore store;

    @Inject
    RateLimiter limiter;

    @BeforeEach
    void notAtTheEndOfAMinute() throws InterruptedException {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 45_000) {
            Thread.sleep(60_000 - intoMinute + 100);
        }
    }

    private static String freshUser() {
        return "pengguna-" + UUID.randomUUID();
    }

    private static Response get(String token) {
        return token == null
                ? given().get(DIMENSIONS)
                : given().auth().oauth2(token).get(DIMENSIONS);
    }

    @Test
    void aUserPastTheLimitGetsA429ProblemWithRetryAfter() {
        String token = Tokens.user(freshUser()).roles(Roles.VIEWER).sign();
        for (int remaining = 4; remaining >= 0; remaining--) {
            Response ok = get(token);
            ok.then()
                    .statusCode(200)
                    .header("RateLimit-Limit", "5")
                    .header("RateLimit-Remaining", Integer.toString(remaining));
            int reset = Integer.parseInt(ok.header("RateLimit-Reset"));
            assertTrue(reset >= 1 && reset <= 60, "RateLimit-Reset in seconds: " + reset);
        }
        Response refused = get(token);
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("RateLimit-Limit", "5")
                .header("RateLimit-Remaining", "0")
                .body("type", equalTo("urn:smartcity:problem:too-many-requests"))
                .body("title", equalTo("Too many requests"))
                .body("status", equalTo(429))
                .body("detail", containsString("More than 5 requests in a minute"))
                .body("instance", equalTo(DIMENSIONS))
                .body("requestId", equalTo(refused.header("X-Request-Id")));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After in seconds: " + retryAfter);
        assertEquals(refused.header("RateLimit-Reset"), refused.header("Retry-After"));
        // Writes are limited too, before anything else looks at them.
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/regions")
                .then()
                .statusCode(429);
    }

    @Test
    void everyCallerHasAWindowOfItsOwn() {
        String first = Tokens.user(freshUser()).roles(Roles.VIEWER).sign();
        String second = Tokens.user(freshUser()).roles(Roles.VIEWER).sign();
        for (int i = 0; i < 6; i++) {
            get(first);
        }
        get(first).then().statusCode(429);
        get(second).then().statusCode(200).header("RateLimit-Remaining", "4");
    }

    @Test
    void theCountIsSharedWithEveryOtherInstanceThroughTheDatabase() throws SQLException {
        String username = freshUser();
        String caller = "user:" + Tokens.subjectOf(username);
        String token = Tokens.user(username).roles(Roles.VIEWER).sign();
        get(token).then().statusCode(200);
        get(token).then().statusCode(200).header("RateLimit-Remaining", "3");
        limiter.sync();
        assertEquals(2, hits(caller));

        // Another instance counts three requests of the same caller in the same minute: this
        // instance learns of them at its next sync (every second), after this caller's next request.
        try (Connection c = Db.connect();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE rate_limit_window SET hits = hits + 3 WHERE caller = ?")) {
            ps.setString(1, caller);
            assertEquals(1, ps.executeUpdate());
        }
        get(token).then().statusCode(200).header("RateLimit-Remaining", "2");
        limiter.sync();
        assertEquals(6, hits(caller));
        get(token).then().statusCode(429).header("RateLimit-Remaining", "0");
        limiter.sync();
        assertEquals(7, hits(caller));
    }

    @Test
    void aWindowIsACalendarMinute() {
        String caller = "user:" + freshUser();
        long minute = (System.currentTimeMillis() / 60_000 + 1) * 60_000;
        for (int i = 1; i <= 5; i++) {
            RateLimiter.Hit hit = limiter.hit(caller, 5, minute + 59_000);
            assertFalse(hit.exceeded());
            assertEquals(5 - i, hit.remaining());
            assertEquals(1, hit.resetSeconds());
        }
        RateLimiter.Hit refused = limiter.hit(caller, 5, minute + 59_999);
        assertTrue(refused.exceeded());
        assertEquals(1, refused.resetSeconds());
        RateLimiter.Hit fresh = limiter.hit(caller, 5, minute + 60_000);
        assertFalse(fresh.exceeded());
        assertEquals(4, fresh.remaining());
        assertEquals(60, fresh.resetSeconds());
        assertEquals(52, limiter.hit(caller, 5, minute + 68_001).resetSeconds());
        // A request stamped in the previous minute, arriving late, counts in the newer one.
        assertEquals(2, limiter.hit(caller, 5, minute + 59_000).remaining());
    }

    @Test
    void aLongCallerNameIsKeptUniqueWithinTheSharedKey() throws SQLException {
        String prefix = "user:" + "x".repeat(300);
        limiter.hit(prefix + "a", 5, System.currentTimeMillis());
        limiter.hit(prefix + "b", 5, System.currentTimeMillis());
        limiter.hit(prefix + "b", 5, System.currentTimeMillis());
        limiter.sync();
        try (Connection c = Db.connect();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT length(caller), hits FROM rate_limit_window WHERE caller LIKE ? ORDER BY hits")) {
            ps.setString(1, "user:xxx%");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(185, rs.getInt(1));
                assertEquals(1, rs.getInt(2));
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(2));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void tokensOfOneServiceAccountShareItsCount() {
        String region = "33.03";
        String instanceOne = IdempotencyTest.serviceAccount("sipd-sinkron", "subject-1", region);
        String instanceTwo = IdempotencyTest.serviceAccount("sipd-sinkron", "subject-2", region);
        for (int i = 0; i < 4; i++) {
            get(instanceOne).then().statusCode(200).header("RateLimit-Limit", "8");
            get(instanceTwo).then().statusCode(200);
        }
        get(instanceTwo).then().statusCode(429).header("RateLimit-Remaining", "0");
        get(instanceOne).then().statusCode(429);
    }

    @Test
    void requestsWithoutAValidTokenAreCountedByAddressAndOperationsAreNotLimited() throws SQLException {
        // Counts of the address from other test classes' instances this minute, if any, would add up.
        try (Connection c = Db.connect();
                PreparedStatement ps = c.prepareStatement("DELETE FROM rate_limit_window WHERE caller LIKE 'ip:%'")) {
            ps.executeUpdate();
        }
        get(null).then().statusCode(401).header("RateLimit-Limit", "3").header("RateLimit-Remaining", "2");
        get("not-a-token").then().statusCode(401).header("RateLimit-Remaining", "1");
        String forged = Tokens.user(freshUser()).roles(Roles.ADMIN).tampered("sub", "someone-else");
        get(forged).then().statusCode(401).header("RateLimit-Remaining", "0");
        get(null)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smartcity:problem:too-many-requests"));
        limiter.sync();
        try (Connection c = Db.connect();
                PreparedStatement ps =
                        c.prepareStatement("SELECT caller, hits FROM rate_limit_window WHERE caller LIKE 'ip:%'");
                ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).matches("ip:(127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1)"), rs.getString(1));
            assertEquals(4, rs.getInt(2));
        }

        // A valid token is its own caller, whatever its address has done.
        get(Tokens.user(freshUser()).roles(Roles.VIEWER).sign()).then().statusCode(200);
        // Health, metrics and the contract are not limited and carry no rate-limit headers.
        for (String path : new String[] {"/q/health/ready", "/q/openapi", "/q/metrics"}) {
            given().get(path).then().statusCode(200).header("RateLimit-Limit", nullValue());
        }
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("smartcity_rate_limit_sync_seconds_count"));
    }

    @Test
    void windowsOfIdleCallersArePurged() throws SQLException {
        String username = freshUser();
        String caller = "user:" + Tokens.subjectOf(username);
        get(Tokens.user(username).roles(Roles.VIEWER).sign()).then().statusCode(200);
        limiter.sync();
        try (Connection c = Db.connect();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE rate_limit_window SET window_start = now() - interval '11 minutes' WHERE caller = ?")) {
            ps.setString(1, caller);
            assertEquals(1, ps.executeUpdate());
        }
        assertTrue(store.purgeIdle() >= 1);
        assertEquals(0, hits(caller));
    }

    private static int hits(String caller) throws SQLException {
        try (Connection c = Db.connect();
                PreparedStatement ps = c.prepareStatement("SELECT hits FROM rate_limit_window WHERE caller = ?")) {
            ps.setString(1, caller);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
