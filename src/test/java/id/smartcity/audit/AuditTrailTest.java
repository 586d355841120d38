package id.smartcity.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.Db;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTest {

    private static final String AUDITOR =
            Tokens.user("ani.auditor").roles(Roles.AUDITOR).sign();

    @Test
    void creatingAndChangingARegionIsRecordedWithWhoWhatAndBeforeAfter() {
        String code = TestData.freshRegionCode();
        String admin = Tokens.user("budi.admin").roles(Roles.ADMIN).sign();
        given().auth()
                .oauth2(admin)
                .header("X-Request-Id", "create-" + code)
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Kabupaten Jejak", "type", "KABUPATEN", "province", "Jawa Tengah"))
                .post("/api/v1/regions")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(admin)
                .header("X-Request-Id", "patch-" + code)
                .contentType("application/merge-patch+json")
                .body(Map.of("name", "Kabupaten Jejak Baru", "cohortYear", 2024))
                .patch("/api/v1/regions/" + code)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(AUDITOR)
                .queryParam("entityId", code)
                .get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("nextCursor", nullValue())
                .body("items.action", contains("CREATE", "UPDATE"))
                .body("items.entityType", everyItem(equalTo("REGION")))
                .body("items.regionCode", everyItem(equalTo(code)))
                .body("items.actor.username", everyItem(equalTo("budi.admin")))
                .body("items.actor.subject", everyItem(notNullValue()))
                .body("items.actor.clientId", everyItem(equalTo("smartcity-dashboard")))
                .body("items.requestId", contains("create-" + code, "patch-" + code))
                .body("items[0].before", nullValue())
                .body("items[0].after.name", equalTo("Kabupaten Jejak"))
                .body("items[0].after.province", equalTo("Jawa Tengah"))
                .body("items[1].before.name", equalTo("Kabupaten Jejak"))
                .body("items[1].before.cohortYear", nullValue())
                .body("items[1].before.keySet()", org.hamcrest.Matchers.containsInAnyOrder("name", "cohortYear"))
                .body("items[1].after", equalTo(Map.of("name", "Kabupaten Jejak Baru", "cohortYear", 2024)))
                .body(
                        "items.occurredAt",
                        everyItem(matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z")))
                .body("items.hash", everyItem(matchesPattern("[0-9a-f]{64}")));

        given().auth()
                .oauth2(AUDITOR)
                .get("/api/v1/audit-events/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("firstBrokenEventId", nullValue())
                .body("lastHash", matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    void aPatchThatChangesNothingRecordsNothing() {
        String code = TestData.createRegion("Kabupaten Diam");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType("application/merge-patch+json")
                .body(Map.of("name", "Kabupaten Diam"))
                .patch("/api/v1/regions/" + code)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(AUDITOR)
                .queryParam("entityId", code)
                .get("/api/v1/audit-events")
                .then()
                .body("items.action", contains("CREATE"));
    }

    @Test
    void aFailedWriteRecordsNothing() {
        String code = TestData.createRegion("Kabupaten Gagal");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"9\"")
                .body(Map.of("name", "Tidak Jadi"))
                .patch("/api/v1/regions/" + code)
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(AUDITOR)
                .queryParam("entityId", code)
                .get("/api/v1/audit-events")
                .then()
                .body("items", hasSize(1));
    }

    @Test
    void anAuditorCanRecomputeAHashFromTheApisOwnAnswer() throws Exception {
        String code = TestData.createRegion("Kabupaten \"Kutip\" Ñ");
        JsonPath event = given().auth()
                .oauth2(AUDITOR)
                .queryParam("entityId", code)
                .get("/api/v1/audit-events")
                .then()
                .extract()
                .jsonPath()
                .setRootPath("items[0]");
        Map<String, Object> shown = new TreeMap<>(event.getMap(""));
        String hash = (String) shown.remove("hash");
        String previousHash = (String) shown.remove("previousHash");
        // The API leaves absent values out; the canonical form has every member, absent ones as null.
        for (String member : List.of(
                "action",
                "actor",
                "after",
                "before",
                "entityId",
                "entityType",
                "id",
                "occurredAt",
                "regionCode",
                "requestId")) {
            shown.putIfAbsent(member, null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> actor = new TreeMap<>((Map<String, Object>) shown.get("actor"));
        for (String member : List.of("clientId", "subject", "username")) {
            actor.putIfAbsent(member, null);
        }
        shown.put("actor", actor);
        // An independent canonical form: sorted keys, no whitespace (RFC 8785 for these values).
        ObjectMapper jcs = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        String canonical = jcs.writeValueAsString(shown);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(previousHash.getBytes(StandardCharsets.UTF_8));
        sha.update(canonical.getBytes(StandardCharsets.UTF_8));
        assertEquals(hash, HexFormat.of().formatHex(sha.digest()));
    }

    @Test
    void viewersCoordinatorsAndContributorsCannotReadTheTrail() {
        for (String role : List.of(Roles.VIEWER, Roles.COORDINATOR, Roles.CONTRIBUTOR)) {
            given().auth()
                    .oauth2(Tokens.of(role, "33.03"))
                    .get("/api/v1/audit-events")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(Tokens.of(role, "33.03"))
                    .get("/api/v1/audit-events/verify")
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void anAuditorWithARegionClaimSeesOnlyThoseRegions() {
        String mine = TestData.createRegion("Kabupaten Milikku");
        String other = TestData.createRegion("Kabupaten Orang Lain");
        String token = Tokens.of(Roles.AUDITOR, mine);
        given().auth()
                .oauth2(token)
                .queryParam("entityType", "REGION")
                .queryParam("limit", 100)
                .queryParam("from", "2000-01-01T00:00:00Z")
                .get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items.regionCode", everyItem(equalTo(mine)));
        given().auth()
                .oauth2(token)
                .queryParam("regionCode", other)
                .get("/api/v1/audit-events")
                .then()
                .body("items", hasSize(0));
        long otherEvent = given().auth()
                .oauth2(AUDITOR)
                .queryParam("entityId", other)
                .get("/api/v1/audit-events")
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        given().auth()
                .oauth2(token)
                .get("/api/v1/audit-events/" + otherEvent)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(AUDITOR)
                .get("/api/v1/audit-events/" + otherEvent)
                .then()
                .statusCode(200)
                .body("entityId", equalTo(other));
    }

    @Test
    void filtersByActorActionTypeAndTime() {
        String code = TestData.freshRegionCode();
        String citra = Tokens.user("citra.admin").roles(Roles.ADMIN).sign();
        given().auth()
                .oauth2(citra)
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Kota Saring", "type", "KOTA", "province", "Jawa Tengah"))
                .post("/api/v1/regions")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(AUDITOR)
                .queryParam("actor", "citra.admin")
                .queryParam("action", "CREATE")
                .queryParam("entityType", "REGION")
                .queryParam("regionCode", code)
                .queryParam("from", "2020-01-01T00:00:00+07:00")
                .get("/api/v1/audit-events")
                .then()
                .body("items", hasSize(1))
                .body("items[0].entityId", equalTo(code));
        given().auth()
                .oauth2(AUDITOR)
                .queryParam("entityId", code)
                .queryParam("to", "2020-01-01T00:00:00Z")
                .get("/api/v1/audit-events")
                .then()
                .body("items", hasSize(0));
        given().auth()
                .oauth2(AUDITOR)
                .queryParam("action", "EXPLODE")
                .queryParam("from", "yesterday")
                .get("/api/v1/audit-events")
                .then()
                .statusCode(400)
                .body("errors.field", contains("action"));
        given().auth()
                .oauth2(AUDITOR)
                .queryParam("from", "yesterday")
                .get("/api/v1/audit-events")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void cursorPagesStayCorrectWhileEventsAreAppended() {
        String prefix = "CURSOR" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            TestData.createRegion(prefix + " " + i);
        }
        JsonPath first = page(null);
        String cursor = first.getString("nextCursor");
        List<Long> seen = new java.util.ArrayList<>(first.getList("items.id", Long.class));
        // Appended while the auditor is paging.
        for (int i = 3; i < 5; i++) {
            TestData.createRegion(prefix + " " + i);
        }
        while (cursor != null) {
            JsonPath next = page(cursor);
            seen.addAll(next.getList("items.id", Long.class));
            cursor = next.getString("nextCursor");
        }
        for (int i = 1; i < seen.size(); i++) {
            assertEquals(seen.get(i - 1) + 1, seen.get(i), "pages skip or repeat events: " + seen);
        }
        given().auth()
                .oauth2(AUDITOR)
                .queryParam("cursor", "not-ours")
                .get("/api/v1/audit-events")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    private static JsonPath page(String cursor) {
        var request = given().auth().oauth2(AUDITOR).queryParam("limit", 2);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void csvExportStreamsTheSameRows() {
        String code = TestData.createRegion("Kabupaten \"CSV\", Ekspor");
        String json = given().auth()
                .oauth2(AUDITOR)
                .queryParam("entityId", code)
                .get("/api/v1/audit-events")
                .then()
                .extract()
                .jsonPath()
                .getString("items[0].hash");
        String csv = given().auth()
                .oauth2(AUDITOR)
                .accept("text/csv")
                .queryParam("entityId", code)
                .get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("audit-events.csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[0].startsWith("\"id\",\"occurredAt\",\"actorSubject\""), lines[0]);
        assertTrue(lines[1].contains("\"REGION\",\"" + code + "\",\"CREATE\""), lines[1]);
        // JSON escapes the quote, then CSV doubles it.
        assertTrue(lines[1].contains("Kabupaten \\\"\"CSV\\\"\", Ekspor"), lines[1]);
        assertTrue(lines[1].endsWith("\"" + json + "\""), lines[1]);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEvents() throws SQLException {
        TestData.createRegion("Kabupaten Abadi");
        try (Connection c = Db.connect();
                Statement s = c.createStatement()) {
            SQLException update = assertThrows(
                    SQLException.class, () -> s.executeUpdate("UPDATE audit_event SET action = 'DELETE' WHERE id = 1"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete =
                    assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_event WHERE id = 1"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE audit_event"));
        }
    }

    @Test
    void verifyReportsARowAlteredBehindTheServicesBack() throws SQLException {
        TestData.createRegion("Kabupaten Sebelumnya");
        String code = TestData.createRegion("Kabupaten Asli Sekali");
        long id = given().auth()
                .oauth2(AUDITOR)
                .queryParam("entityId", code)
                .get("/api/v1/audit-events")
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        TestData.createRegion("Kabupaten Sesudahnya");
        String original;
        try (Connection c = Db.connect();
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT after_json FROM audit_event WHERE id = " + id);
            rs.next();
            original = rs.getString(1);
        }
        try {
            alter(id, original.replace("Kabupaten Asli Sekali", "Kabupaten Palsu"));
            given().auth()
                    .oauth2(AUDITOR)
                    .get("/api/v1/audit-events/verify")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenEventId", equalTo((int) id))
                    .body("checked", equalTo((int) id - 1));
            // A range that ends before the altered row is still valid.
            given().auth()
                    .oauth2(AUDITOR)
                    .queryParam("fromId", 1)
                    .queryParam("toId", id - 1)
                    .get("/api/v1/audit-events/verify")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(true))
                    .body("checked", equalTo((int) id - 1));
        } finally {
            alter(id, original);
        }
        given().auth().oauth2(AUDITOR).get("/api/v1/audit-events/verify").then().body("valid", equalTo(true));
    }

    private static void alter(long id, String afterJson) throws SQLException {
        try (Connection c = Db.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                    PreparedStatement ps = c.prepareStatement("UPDATE audit_event SET after_json = ? WHERE id = ?")) {
                s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
                ps.setString(1, afterJson);
                ps.setLong(2, id);
                assertEquals(1, ps.executeUpdate());
                s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
            }
            c.commit();
        }
    }

    @Test
    void verifyChecksRangesAndRejectsBadOnes() {
        TestData.createRegion("Kabupaten Rentang");
        given().auth()
                .oauth2(AUDITOR)
                .queryParam("fromId", 1)
                .queryParam("toId", 1)
                .get("/api/v1/audit-events/verify")
                .then()
                .body("valid", equalTo(true))
                .body("checked", equalTo(1));
        given().auth()
                .oauth2(AUDITOR)
                .queryParam("fromId", 5)
                .queryParam("toId", 2)
                .get("/api/v1/audit-events/verify")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("toId"));
    }
}
