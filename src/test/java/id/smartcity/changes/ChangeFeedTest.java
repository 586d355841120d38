package id.smartcity.changes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditChain;
import id.smartcity.platform.idempotency.IdempotencyTest;
import id.smartcity.platform.security.Roles;
import id.smartcity.quickwin.QuickWinResourceTest;
import id.smartcity.testsupport.Db;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangeFeedTest {

    static final String CHANGES = "/api/v1/changes";

    static String viewerOf(String region) {
        return Tokens.user("viewer-" + region)
                .roles(Roles.VIEWER)
                .regions(region)
                .sign();
    }

    static Response feed(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).get(CHANGES);
    }

    @Test
    void everyChangeOfTheRegionAppearsThinInCommitOrderWithItsHref() {
        String region = TestData.createRegion("Kabupaten Umpan");
        String quickWin = QuickWinResourceTest.create(
                region, QuickWinResourceTest.body("Sistem Antrean Daring", "GOVERNANCE", "150000000.00"));
        QuickWinResourceTest.move(region, quickWin, "APPROVED", "Disetujui Bappeda", TestData.adminToken())
                .statusCode(200);
        Map<String, Object> stakeholder = new HashMap<>();
        stakeholder.put("name", "Dinas Kominfo");
        stakeholder.put("kind", "GOVERNMENT_AGENCY");
        stakeholder.put("email", "rahasia@example.go.id");
        stakeholder.put("phone", "(0281) 891-234");
        stakeholder.put("memberships", List.of(Map.of("dimension", "GOVERNANCE", "role", "LEAD")));
        String stakeholderId = given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(stakeholder)
                .post("/api/v1/regions/" + region + "/stakeholders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String viewer = viewerOf(region);
        Response r = feed(viewer, Map.of("regionCode", region));
        r.then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body(
                        "items.type",
                        contains(
                                "region.created", "quick-win.created", "quick-win.transitioned", "stakeholder.created"))
                .body("items.regionCode", everyItem(equalTo(region)))
                .body("items.version", everyItem(equalTo(1)))
                .body("items.entity.type", contains("region", "quick-win", "quick-win", "stakeholder"))
                .body("items.entity.id", contains(region, quickWin, quickWin, stakeholderId))
                .body(
                        "items.entity.href",
                        contains(
                                "/api/v1/regions/" + region,
                                "/api/v1/regions/" + region + "/quick-wins/" + quickWin,
                                "/api/v1/regions/" + region + "/quick-wins/" + quickWin,
                                "/api/v1/regions/" + region + "/stakeholders/" + stakeholderId))
                .body(
                        "items.occurredAt",
                        everyItem(matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z")))
                .body("items.id", everyItem(matchesPattern("evt_\\d+")))
                .body("limit", equalTo(100))
                .body(not(containsString("rahasia")))
                .body(not(containsString("891-234")));
        JsonPath page = r.jsonPath();
        assertEquals(page.getString("nextCursor"), r.header("Next-Cursor"));
        List<Long> positions = page.getList("items.auditEventId", Long.class);
        for (int i = 1; i < positions.size(); i++) {
            assertTrue(positions.get(i) > positions.get(i - 1), "commit order: " + positions);
        }
        for (int i = 0; i < positions.size(); i++) {
            assertEquals("evt_" + positions.get(i), page.getString("items[" + i + "].id"));
        }
        // The audit events are the same changes, and the integrator reads the entity with its own rights.
        given().auth()
                .oauth2(Tokens.user("ani.auditor").roles(Roles.AUDITOR).sign())
                .get("/api/v1/audit-events/" + positions.get(1))
                .then()
                .statusCode(200)
                .body("entityType", equalTo("QUICK_WIN"))
                .body("entityId", equalTo(quickWin))
                .body("action", equalTo("CREATE"));
        given().auth()
                .oauth2(viewer)
                .get(page.getString("items[2].entity.href"))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void aCursorResumesWithoutRepeatsOrGapsAndAnEmptyPageStillMovesIt() {
        String region = TestData.createRegion("Kabupaten Lanjut");
        for (int i = 0; i < 4; i++) {
            QuickWinResourceTest.create(region, QuickWinResourceTest.body("Program " + i, "ECONOMY", "1000000.00"));
        }
        String viewer = viewerOf(region);
        JsonPath all = feed(viewer, Map.of("regionCode", region))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> everything = all.getList("items.id");
        assertEquals(5, everything.size());

        JsonPath first = feed(viewer, Map.of("regionCode", region, "limit", 2))
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("limit", equalTo(2))
                .extract()
                .jsonPath();
        JsonPath second = feed(viewer, Map.of("regionCode", region, "limit", 2, "after", first.getString("nextCursor")))
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .extract()
                .jsonPath();
        JsonPath third = feed(viewer, Map.of("regionCode", region, "limit", 2, "after", second.getString("nextCursor")))
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .extract()
                .jsonPath();
        List<String> paged = new java.util.ArrayList<>(first.getList("items.id"));
        paged.addAll(second.getList("items.id"));
        paged.addAll(third.getList("items.id"));
        assertEquals(everything, paged);

        String atEnd = third.getString("nextCursor");
        feed(viewer, Map.of("regionCode", region, "after", atEnd))
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("nextCursor", matchesPattern("[A-Za-z0-9_-]+"));
        String last = QuickWinResourceTest.create(region, QuickWinResourceTest.body("Terakhir", "LIVING", "1.00"));
        feed(viewer, Map.of("regionCode", region, "after", atEnd))
                .then()
                .statusCode(200)
                .body("items.entity.id", contains(last))
                .body("items.type", contains("quick-win.created"));
    }

    @Test
    void anEventThatCommitsLateIsNotSkipped() throws Exception {
        String region = TestData.createRegion("Kabupaten Terlambat");
        String viewer = viewerOf(region);
        String before = feed(viewer, Map.of("regionCode", region)).jsonPath().getString("nextCursor");
        String late = UUID.randomUUID().toString();
        try (Connection c = Db.connect()) {
            c.setAutoCommit(false);
            // A second instance's write: on the chain, holding the head, not yet committed.
            long position = AuditChain.append(
                            c,
                            "sub",
                            "late.writer",
                            "smartcity-dashboard",
                            region,
                            "QUICK_WIN",
                            late,
                            AuditAction.CREATE,
                            null,
                            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                            "late-1")
                    .id();
            String whileOpen = feed(viewer, Map.of("after", before))
                    .then()
                    .statusCode(200)
                    .body("items.auditEventId", not(org.hamcrest.Matchers.hasItem((int) position)))
                    .extract()
                    .path("nextCursor");
            assertTrue(
                    ChangeCursor.decode("after", whileOpen) < position,
                    "the cursor must not pass an uncommitted position");
            c.commit();
            feed(viewer, Map.of("after", whileOpen, "regionCode", region))
                    .then()
                    .statusCode(200)
                    .body("items.auditEventId", contains((int) position))
                    .body("items.entity.id", contains(late));
        }
    }

    @Test
    void aServiceAccountSeesOnlyItsRegionAndAnotherRegionIsRefused() {
        String mine = TestData.createRegion("Kabupaten Milik");
        String other = TestData.createRegion("Kabupaten Lain");
        QuickWinResourceTest.create(other, QuickWinResourceTest.body("Rahasia Lain", "ECONOMY", "1.00"));
        QuickWinResourceTest.create(mine, QuickWinResourceTest.body("Punya Sendiri", "ECONOMY", "1.00"));
        String account = IdempotencyTest.serviceAccount("sipd-feed", "sa-" + mine, mine);
        String start = feed(TestData.adminToken(), Map.of("regionCode", mine))
                .jsonPath()
                .getString("items[0].id");
        long from = Long.parseLong(start.substring(4)) - 1;
        JsonPath seen = feed(account, Map.of("after", ChangeCursor.encode(from)))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> regions = seen.getList("items.regionCode");
        assertTrue(regions.contains(mine));
        assertFalse(regions.contains(other), "another region's events: " + regions);
        regions.forEach(r -> assertTrue(r == null || r.equals(mine), "region " + r));

        feed(account, Map.of("regionCode", other))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("regionCode"));
        given().auth()
                .oauth2(Tokens.user("nobody").sign())
                .get(CHANGES)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        String viewer = viewerOf("33.03");
        Map<String, Object[]> cases = Map.of(
                "after", new Object[] {"bm90LWEtY3Vyc29y", "after"},
                "types", new Object[] {"quick-win.exploded", "types"},
                "limit", new Object[] {"101", "limit"},
                "wait", new Object[] {"31", "wait"},
                "regionCode", new Object[] {"3303", "regionCode"});
        cases.forEach((name, c) -> feed(viewer, Map.of(name, c[0]))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(c[1])));
        feed(viewer, Map.of("cursor", "x"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
        feed(viewer, Map.of("after", ChangeCursor.encode(Long.MAX_VALUE / 2)))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"))
                .body("detail", containsString("ahead"));
    }

    @Test
    void typesFilterTheFeed() {
        String region = TestData.createRegion("Kabupaten Saring");
        String q = QuickWinResourceTest.create(region, QuickWinResourceTest.body("Saring", "ECONOMY", "1.00"));
        QuickWinResourceTest.move(region, q, "APPROVED", "ok", TestData.adminToken())
                .statusCode(200);
        feed(viewerOf(region), Map.of("regionCode", region, "types", "quick-win.transitioned,region.updated"))
                .then()
                .statusCode(200)
                .body("items.type", contains("quick-win.transitioned"));
    }

    @Test
    void auditorsGetCsv() {
        String region = TestData.createRegion("Kabupaten Ekspor");
        String q = QuickWinResourceTest.create(region, QuickWinResourceTest.body("Ekspor", "ECONOMY", "1.00"));
        Response r = given().auth()
                .oauth2(Tokens.user("ani.auditor").roles(Roles.AUDITOR).sign())
                .accept("text/csv")
                .queryParam("regionCode", region)
                .get(CHANGES);
        r.then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("changes.csv"))
                .header("Next-Cursor", matchesPattern("[A-Za-z0-9_-]+"));
        String[] lines = r.asString().split("\r\n");
        assertEquals(
                "\"id\",\"type\",\"occurredAt\",\"regionCode\",\"entityType\",\"entityId\",\"href\",\"version\",\"auditEventId\"",
                lines[0]);
        assertEquals(3, lines.length);
        assertTrue(lines[1].contains("\"region.created\""), lines[1]);
        assertTrue(lines[2].contains("\"quick-win.created\"") && lines[2].contains(q), lines[2]);
        assertNotEquals(r.header("Next-Cursor"), ChangeCursor.encode(0));
    }

    @Test
    void partsOfAQuickWinLinkToTheirListUnderIt() {
        String region = TestData.createRegion("Kabupaten Bagian");
        String q = QuickWinResourceTest.create(region, QuickWinResourceTest.body("Bagian", "LIVING", "10.00"));
        QuickWinResourceTest.milestone(region, q, "2", "2025-03-31", false);
        QuickWinResourceTest.report(region, q, "2025-01-15", 20, "2.00");
        String viewer = viewerOf(region);
        JsonPath page = feed(viewer, Map.of("regionCode", region, "types", "milestone.created,progress-report.created"))
                .then()
                .statusCode(200)
                .body("items.type", contains("milestone.created", "progress-report.created"))
                .body("items.entity.type", contains("milestone", "progress-report"))
                .body(
                        "items.entity.href",
                        contains(
                                "/api/v1/regions/" + region + "/quick-wins/" + q + "/milestones",
                                "/api/v1/regions/" + region + "/quick-wins/" + q + "/progress-reports"))
                .extract()
                .jsonPath();
        given().auth()
                .oauth2(viewer)
                .get(page.getString("items[0].entity.href"))
                .then()
                .statusCode(200)
                .body("items.id", contains(page.getString("items[0].entity.id")));
    }
}
