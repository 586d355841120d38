package id.smartcity.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditChain;
import id.smartcity.platform.security.Roles;
import id.smartcity.quickwin.QuickWinResourceTest;
import id.smartcity.testsupport.Db;
import id.smartcity.testsupport.Metrics;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's numbers against a dataset built by hand, with the expected figures worked out below. */
@QuarkusTest
class DashboardTest {

    private static final String CACHE = "smartcity_dashboard_cache_total";

    @Test
    void figuresPerDimensionMatchAHandBuiltDataset() {
        String region = TestData.createRegion("Kabupaten Dasbor");
        String admin = TestData.adminToken();
        // Stakeholders: two active in GOVERNANCE (one also in ECONOMY), one archived in GOVERNANCE.
        stakeholder(region, "Dinkominfo", true, "GOVERNANCE", "ECONOMY");
        stakeholder(region, "Bagian Organisasi", true, "GOVERNANCE");
        stakeholder(region, "Dinas Lama", false, "GOVERNANCE");
        // Sessions: GOVERNANCE one planned, one cancelled.
        String s1 = session(region, "GOVERNANCE");
        session(region, "GOVERNANCE");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("to", "CANCELLED", "reason", "Digabung"))
                .post("/api/v1/regions/" + region + "/fgd-sessions/" + s1 + "/transitions")
                .then()
                .statusCode(200);
        // Quick wins in GOVERNANCE:
        //   A: budget 100, milestones 1 (done) + 1 (open, overdue) -> 50 %, realised 0
        //   B: budget 300, one report 20 % realising 50 -> 20 %
        //   C: budget 1000, cancelled -> counted by status only
        // mean progress (50 + 20) / 2 = 35; budget-weighted (50 x 100 + 20 x 300) / 400 = 27.5
        String a = QuickWinResourceTest.create(region, QuickWinResourceTest.body("A", "GOVERNANCE", "100"));
        QuickWinResourceTest.milestone(region, a, "1", "2024-01-10", true);
        QuickWinResourceTest.milestone(region, a, "1", "2024-02-10", false);
        String b = QuickWinResourceTest.create(region, QuickWinResourceTest.body("B", "GOVERNANCE", "300"));
        QuickWinResourceTest.report(region, b, "2025-01-15", 20, "50");
        String c = QuickWinResourceTest.create(region, QuickWinResourceTest.body("C", "GOVERNANCE", "1000"));
        QuickWinResourceTest.move(region, c, "CANCELLED", "Tidak jadi", admin).statusCode(200);
        // ECONOMY: one proposed quick win with no budget and no progress.
        QuickWinResourceTest.create(region, QuickWinResourceTest.body("D", "ECONOMY", "0"));

        String etag = given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, region))
                .get("/api/v1/regions/" + region + "/dashboard")
                .then()
                .statusCode(200)
                .body(
                        "dimensions.dimension",
                        contains("GOVERNANCE", "BRANDING", "ECONOMY", "LIVING", "SOCIETY", "ENVIRONMENT"))
                .body("dimensions[0].name.en", equalTo("Smart Governance"))
                .body("dimensions[0].stakeholders", equalTo(2))
                .body("dimensions[0].fgdSessions.planned", equalTo(1))
                .body("dimensions[0].fgdSessions.cancelled", equalTo(1))
                .body("dimensions[0].fgdSessions.held", equalTo(0))
                .body("dimensions[0].quickWinsByStatus.PROPOSED", equalTo(2))
                .body("dimensions[0].quickWinsByStatus.CANCELLED", equalTo(1))
                .body("dimensions[0].quickWinsByStatus.COMPLETED", equalTo(0))
                .body("dimensions[0].budgetPlanned", equalTo("400.00"))
                .body("dimensions[0].budgetRealised", equalTo("50.00"))
                .body("dimensions[0].currency", equalTo("IDR"))
                .body("dimensions[0].meanProgress.value", equalTo("35.00"))
                .body("dimensions[0].budgetWeightedMeanProgress.value", equalTo("27.50"))
                .body("dimensions[0].overdueMilestones", equalTo(1))
                .body("dimensions[2].stakeholders", equalTo(1))
                .body("dimensions[2].quickWinsByStatus.PROPOSED", equalTo(1))
                .body("dimensions[2].meanProgress.value", equalTo("0.00"))
                .body("dimensions[2].budgetWeightedMeanProgress", nullValue())
                .body("dimensions[3].stakeholders", equalTo(0))
                .body("dimensions[3].budgetPlanned", equalTo("0.00"))
                .body("dimensions[3].meanProgress", nullValue())
                .body("readiness", nullValue())
                .extract()
                .header("ETag");

        // Unchanged: 304. Changed: a new ETag.
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, region))
                .header("If-None-Match", etag)
                .get("/api/v1/regions/" + region + "/dashboard")
                .then()
                .statusCode(304);
        QuickWinResourceTest.report(region, b, "2025-02-15", 40, "10");
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, region))
                .header("If-None-Match", etag)
                .get("/api/v1/regions/" + region + "/dashboard")
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(etag)))
                // (50 + 40) / 2 = 45; (50 x 100 + 40 x 300) / 400 = 42.5
                .body("dimensions[0].meanProgress.value", equalTo("45.00"))
                .body("dimensions[0].budgetWeightedMeanProgress.value", equalTo("42.50"))
                .body("dimensions[0].budgetRealised", equalTo("60.00"));
    }

    @Test
    void aChangeMadeByAnotherInstanceShowsOnTheNextRead() throws Exception {
        String region = TestData.createRegion("Kabupaten Dasbor Dua");
        String q = QuickWinResourceTest.create(region, QuickWinResourceTest.body("E", "LIVING", "100"));
        String viewer = Tokens.of(Roles.VIEWER, region);
        double hits = Metrics.count(CACHE, "hit");
        double misses = Metrics.count(CACHE, "miss");
        // Read twice: the second answer comes from this instance's cache.
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(viewer)
                    .get("/api/v1/regions/" + region + "/dashboard")
                    .then()
                    .statusCode(200)
                    .body("dimensions[3].quickWinsByStatus.PROPOSED", equalTo(1))
                    .body("dimensions[3].quickWinsByStatus.APPROVED", equalTo(0));
        }
        assertEquals(misses + 1, Metrics.count(CACHE, "miss"));
        assertEquals(hits + 1, Metrics.count(CACHE, "hit"));
        // Another instance approves it: its own connection, the change and its audit event in one
        // transaction, nothing shared with this instance but the database.
        try (Connection c = Db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE quick_win SET status = 'APPROVED', version = version + 1 WHERE id = ?::uuid")) {
                s.setString(1, q);
                s.executeUpdate();
            }
            AuditChain.append(
                    c,
                    "instance-2",
                    "instance-2",
                    "instance-2",
                    region,
                    "QUICK_WIN",
                    q,
                    AuditAction.TRANSITION,
                    null,
                    null,
                    "dashboard-test");
            c.commit();
        }
        given().auth()
                .oauth2(viewer)
                .get("/api/v1/regions/" + region + "/dashboard")
                .then()
                .statusCode(200)
                .body("dimensions[3].quickWinsByStatus.PROPOSED", equalTo(0))
                .body("dimensions[3].quickWinsByStatus.APPROVED", equalTo(1));
        assertEquals(misses + 2, Metrics.count(CACHE, "miss"));
    }

    @Test
    void theChangeCounterIsReadFromTheEndsOfTwoIndexes() throws Exception {
        // Without a bitmap scan (the plan the statistics happened to favour before V10) and without
        // a sequential scan (what a small test table invites), the planner's other choice for the
        // unregioned part is a backward scan of the primary key that reads every newer event.
        StringBuilder plan = new StringBuilder();
        try (Connection c = Db.connect();
                Statement s = c.createStatement()) {
            s.execute("SET enable_bitmapscan = off");
            s.execute("SET enable_seqscan = off");
            try (ResultSet r = s.executeQuery("EXPLAIN " + DashboardCache.STAMP_SQL.replace("?", "'33.03'"))) {
                while (r.next()) {
                    plan.append(r.getString(1)).append('\n');
                }
            }
        }
        assertTrue(plan.indexOf("using audit_event_region_idx") >= 0, plan::toString);
        assertTrue(plan.indexOf("using audit_event_unregioned_idx") >= 0, plan::toString);
        assertFalse(plan.indexOf("audit_event_pkey") >= 0, plan::toString);
    }

    private static void stakeholder(String region, String name, boolean active, String... dimensions) {
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        name,
                        "kind",
                        "GOVERNMENT_AGENCY",
                        "active",
                        active,
                        "memberships",
                        java.util.Arrays.stream(dimensions)
                                .map(d -> Map.of("dimension", d, "role", "MEMBER"))
                                .toList()))
                .post("/api/v1/regions/" + region + "/stakeholders")
                .then()
                .statusCode(201);
    }

    private static String session(String region, String dimension) {
        return given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "FGD",
                        "dimension",
                        dimension,
                        "bimtekStage",
                        2,
                        "bimtekDay",
                        1,
                        "scheduledStart",
                        "2024-07-11T09:00:00+07:00",
                        "scheduledEnd",
                        "2024-07-11T11:00:00+07:00"))
                .post("/api/v1/regions/" + region + "/fgd-sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
