package id.smartcity.bimtek;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BimtekStageResourceTest {

    private static final String MERGE = "application/merge-patch+json";

    private static String stages(String region) {
        return "/api/v1/regions/" + region + "/bimtek-stages";
    }

    private static String sessions(String region) {
        return "/api/v1/regions/" + region + "/fgd-sessions";
    }

    static Map<String, Object> stage(int year, int number, String... dates) {
        Map<String, Object> body = new HashMap<>();
        body.put("cohortYear", year);
        body.put("stageNumber", number);
        body.put("title", "Bimtek Smart City Tahap " + number);
        List<Map<String, Object>> days = new java.util.ArrayList<>();
        for (int i = 0; i < dates.length; i++) {
            days.add(Map.of("day", i + 1, "date", dates[i]));
        }
        body.put("days", days);
        body.put("venue", "Gedung Ardilawet, Kompleks Setda Purbalingga");
        return body;
    }

    private static ValidatableResponse post(String region, String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(stages(region))
                .then();
    }

    private static String create(String region, Map<String, Object> body) {
        return post(region, TestData.adminToken(), body)
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> session(String dimension, int stage, String stageId, String start, String end) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "FGD Smart " + dimension);
        body.put("dimension", dimension);
        body.put("bimtekStage", stage);
        body.put("bimtekDay", 1);
        body.put("scheduledStart", start);
        body.put("scheduledEnd", end);
        if (stageId != null) {
            body.put("bimtekStageId", stageId);
        }
        return body;
    }

    private static ValidatableResponse postSession(String region, Map<String, Object> body) {
        return given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post(sessions(region))
                .then();
    }

    /**
     * A session of the stage with the given attendance, starting at {@code hour} on 11 July 2024 (a
     * stage lists its sessions by start); HELD (with minutes) when asked.
     */
    private static String sessionWith(
            String region, String stageId, String dimension, int hour, Map<String, String> attendance, boolean held) {
        String start = String.format("2024-07-11T%02d:00:00+07:00", hour);
        String end = String.format("2024-07-11T%02d:00:00+07:00", hour + 2);
        String id = postSession(region, session(dimension, 2, stageId, start, end))
                .statusCode(201)
                .body("bimtekStageId", equalTo(stageId))
                .extract()
                .path("id");
        String base = sessions(region) + "/" + id;
        String admin = TestData.adminToken();
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("stakeholderIds", List.copyOf(attendance.keySet())))
                .post(base + "/participants")
                .then()
                .statusCode(200);
        List<Map<String, String>> updates = attendance.entrySet().stream()
                .filter(e -> !e.getValue().equals("INVITED"))
                .map(e -> Map.of("stakeholderId", e.getKey(), "attendance", e.getValue()))
                .toList();
        if (!updates.isEmpty()) {
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("updates", updates))
                    .patch(base + "/participants")
                    .then()
                    .statusCode(200);
        }
        if (held) {
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("summary", "Analisis strategis dimensi disepakati."))
                    .put(base + "/minutes")
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("to", "HELD", "reason", "Sesuai rencana"))
                    .post(base + "/transitions")
                    .then()
                    .statusCode(200);
        }
        return id;
    }

    private static ValidatableResponse transition(String token, String base, String to, String ifMatch) {
        var request = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("to", to, "reason", "Dilaksanakan sesuai jadwal"));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post(base + "/transitions").then();
    }

    @Test
    void aStageIsPlannedWithDefaultOutputsShowsItsSessionsAndAttendanceAndIsHeldAndAudited() {
        String region = TestData.createRegion("Kabupaten Bimtek");
        String coordinator = Tokens.of(Roles.COORDINATOR, region);
        ExtractableResponse<Response> created = post(region, coordinator, stage(2024, 2, "2024-07-11", "2024-07-12"))
                .statusCode(201)
                .header("ETag", not(nullValue()))
                .body("status", equalTo("PLANNED"))
                .body("version", equalTo(0))
                .body("days.day", contains(1, 2))
                .body("days.date", contains("2024-07-11", "2024-07-12"))
                .body("facilitators", empty())
                .body("expectedOutputs", hasSize(7))
                .body("expectedOutputs[0].dimension", equalTo("GOVERNANCE"))
                .body("expectedOutputs[0].description", equalTo("Analisis strategis dimensi"))
                .body("expectedOutputs[6].dimension", nullValue())
                .body("expectedOutputs[6].description", equalTo("Rencana program quick win"))
                .body("sessions", empty())
                .body("attendance.sessions", equalTo(0))
                .body("attendance.invited", equalTo(0))
                .extract();
        String id = created.path("id");
        String base = stages(region) + "/" + id;
        assertTrue(created.header("Location").endsWith(base), created.header("Location"));
        String etag = created.header("ETag");

        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, region))
                .get(base)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(etag))
                .body("title", equalTo("Bimtek Smart City Tahap 2"));
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, region))
                .header("If-None-Match", etag)
                .get(base)
                .then()
                .statusCode(304)
                .header("ETag", equalTo(etag));

        // One stage of each number per region and cohort year.
        post(region, coordinator, stage(2024, 2, "2024-08-01"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smartcity:problem:conflict"))
                .body("detail", containsString("stage 2 of cohort year 2024"));

        String dinkominfo = TestData.createStakeholder(region, "Dinas Komunikasi dan Informatika");
        String bappeda = TestData.createStakeholder(region, "Bappelitbangda");
        String patched = given().auth()
                .oauth2(coordinator)
                .contentType(MERGE)
                .header("If-Match", etag)
                .body(Map.of(
                        "venue",
                        "Pendopo Dipokusumo",
                        "facilitators",
                        List.of(Map.of("name", "Dinkominfo", "stakeholderId", dinkominfo))))
                .patch(base)
                .then()
                .statusCode(200)
                .body("venue", equalTo("Pendopo Dipokusumo"))
                .body("facilitators[0].stakeholderId", equalTo(dinkominfo))
                .body("version", equalTo(1))
                .body("expectedOutputs", hasSize(7))
                .extract()
                .header("ETag");
        assertNotEquals(etag, patched);
        given().auth()
                .oauth2(coordinator)
                .contentType(MERGE)
                .header("If-Match", etag)
                .body(Map.of("venue", "Basi"))
                .patch(base)
                .then()
                .statusCode(412)
                .body("type", equalTo("urn:smartcity:problem:precondition-failed"));

        // Not HELD yet: no session of it is HELD.
        transition(coordinator, base, "HELD", patched)
                .statusCode(422)
                .body("type", equalTo("urn:smartcity:problem:business-rule"))
                .body("missing", contains("at least one HELD FGD session"));

        String held = sessionWith(region, id, "GOVERNANCE", 9, Map.of(dinkominfo, "ATTENDED", bappeda, "ABSENT"), true);
        String planned = sessionWith(region, id, "ECONOMY", 13, Map.of(dinkominfo, "INVITED"), false);

        // Its sessions changed what the stage shows, so its tag moved without its version.
        ExtractableResponse<Response> withSessions = given().auth()
                .oauth2(coordinator)
                .header("If-None-Match", patched)
                .get(base)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("sessions.id", contains(held, planned))
                .body("sessions.status", contains("HELD", "PLANNED"))
                .body("sessions.dimension", contains("GOVERNANCE", "ECONOMY"))
                .body("sessions[0].day", equalTo(1))
                .body("sessions[0].href", equalTo(sessions(region) + "/" + held))
                .body("attendance.sessions", equalTo(2))
                .body("attendance.sessionsHeld", equalTo(1))
                .body("attendance.invited", equalTo(3))
                .body("attendance.attended", equalTo(1))
                .body("attendance.absent", equalTo(1))
                .body("attendance.stakeholdersAttended", equalTo(1))
                .extract();
        String current = withSessions.header("ETag");
        assertNotEquals(patched, current);
        transition(coordinator, base, "HELD", patched).statusCode(412);

        // A stage with a HELD session is not cancelled.
        transition(coordinator, base, "CANCELLED", current)
                .statusCode(422)
                .body("missing", contains("no HELD FGD session"));
        transition(Tokens.of(Roles.CONTRIBUTOR, region), base, "HELD", current).statusCode(403);
        transition(coordinator, base, "HELD", current)
                .statusCode(200)
                .header("ETag", not(equalTo(current)))
                .body("status", equalTo("HELD"))
                .body("statusReason", equalTo("Dilaksanakan sesuai jadwal"))
                .body("statusChangedAt", not(nullValue()))
                .body("version", equalTo(2));

        // Once HELD: final.
        transition(coordinator, base, "CANCELLED", null)
                .statusCode(409)
                .body("currentStatus", equalTo("HELD"))
                .body("allowed", empty());
        given().auth()
                .oauth2(coordinator)
                .contentType(MERGE)
                .body(Map.of("venue", "Pendopo"))
                .patch(base)
                .then()
                .statusCode(409)
                .body("detail", containsString("HELD"));
        given().auth()
                .oauth2(coordinator)
                .delete(base)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:smartcity:problem:conflict"));

        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("regionCode", region)
                .queryParam("entityType", "BIMTEK_STAGE")
                .get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items.action", contains("CREATE", "UPDATE", "TRANSITION"))
                .body("items[0].entityId", equalTo(id))
                .body("items[0].after.stageNumber", equalTo(2))
                .body("items[1].before.venue", equalTo("Gedung Ardilawet, Kompleks Setda Purbalingga"))
                .body("items[1].after.venue", equalTo("Pendopo Dipokusumo"))
                .body("items[2].after.status", equalTo("HELD"))
                .body("items[0].actor.username", not(nullValue()));
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("limit", 100)
                .queryParam("regionCode", region)
                .queryParam("types", "bimtek-stage.created,bimtek-stage.updated,bimtek-stage.transitioned")
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .body(
                        "items.type",
                        contains("bimtek-stage.created", "bimtek-stage.updated", "bimtek-stage.transitioned"))
                .body("items[2].entity.type", equalTo("bimtek-stage"))
                .body("items[2].entity.href", equalTo(base));
    }

    @Test
    void daysFacilitatorsAndStageNumbersAreChecked() {
        String region = TestData.createRegion("Kabupaten Hari Bimtek");
        String other = TestData.createRegion("Kabupaten Tetangga Bimtek");
        String admin = TestData.adminToken();
        post(region, admin, stage(2024, 1, "2024-05-02", "2024-05-02"))
                .statusCode(400)
                .body("errors[0].field", equalTo("days[1].date"))
                .body("errors[0].message", equalTo("must be after the previous day's date"));
        Map<String, Object> misnumbered = stage(2024, 1, "2024-05-02");
        misnumbered.put("days", List.of(Map.of("day", 2, "date", "2024-05-02")));
        post(region, admin, misnumbered).statusCode(400).body("errors[0].field", equalTo("days[0].day"));
        post(region, admin, stage(2024, 1)).statusCode(400).body("errors[0].field", equalTo("days"));
        post(region, admin, stage(2024, 5, "2024-05-02"))
                .statusCode(400)
                .body("errors[0].field", equalTo("stageNumber"));
        Map<String, Object> foreign = stage(2024, 1, "2024-05-02");
        foreign.put(
                "facilitators",
                List.of(
                        Map.of("name", "Narasumber"),
                        Map.of(
                                "name",
                                "Dinas Tetangga",
                                "stakeholderId",
                                TestData.createStakeholder(other, "Dinas Tetangga"))));
        post(region, admin, foreign)
                .statusCode(422)
                .body("type", equalTo("urn:smartcity:problem:business-rule"))
                .body("errors[0].field", equalTo("facilitators[1].stakeholderId"))
                .body("errors[0].message", equalTo("no such stakeholder in this region"));
        Map<String, Object> own = stage(2024, 3, "2024-09-02");
        own.put("expectedOutputs", List.of(Map.of("dimension", "LIVING", "description", "Roadmap layanan kesehatan")));
        post(region, admin, own)
                .statusCode(201)
                .body("expectedOutputs", hasSize(1))
                .body("expectedOutputs[0].dimension", equalTo("LIVING"));
        // The stage's defaults follow its number; null asks for them again.
        String four = create(region, stage(2024, 4, "2024-11-05"));
        given().auth()
                .oauth2(admin)
                .get(stages(region) + "/" + four)
                .then()
                .body(
                        "expectedOutputs.description",
                        contains(
                                "Review akhir masterplan Smart City",
                                "Komitmen yang ditandatangani kepala daerah dan kepala OPD"));
        // A stakeholder that facilitates a stage is not deleted.
        String facilitator = TestData.createStakeholder(region, "Fasilitator");
        Map<String, Object> withFacilitator = stage(2025, 1, "2025-03-03");
        withFacilitator.put("facilitators", List.of(Map.of("name", "Fasilitator", "stakeholderId", facilitator)));
        create(region, withFacilitator);
        given().auth()
                .oauth2(admin)
                .delete("/api/v1/regions/" + region + "/stakeholders/" + facilitator)
                .then()
                .statusCode(409);
    }

    @Test
    void aSessionLinksOnlyToAStageOfItsRegionAndNumber() {
        String region = TestData.createRegion("Kabupaten Tautan");
        String other = TestData.createRegion("Kabupaten Tautan Lain");
        String mine = create(region, stage(2024, 2, "2024-07-11"));
        String theirs = create(other, stage(2024, 2, "2024-07-11"));
        postSession(region, session("LIVING", 2, theirs, "2024-07-11T09:00:00+07:00", "2024-07-11T12:00:00+07:00"))
                .statusCode(422)
                .body("errors[0].field", equalTo("bimtekStageId"))
                .body("errors[0].message", equalTo("no such Bimtek stage in this region"));
        postSession(region, session("LIVING", 3, mine, "2024-07-11T09:00:00+07:00", "2024-07-11T12:00:00+07:00"))
                .statusCode(422)
                .body("errors[0].field", equalTo("bimtekStage"))
                .body("errors[0].message", containsString("must be 2"));
        String id = postSession(
                        region, session("LIVING", 2, null, "2024-07-11T09:00:00+07:00", "2024-07-11T12:00:00+07:00"))
                .statusCode(201)
                .body("bimtekStageId", nullValue())
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(MERGE)
                .body(Map.of("bimtekStageId", mine))
                .patch(sessions(region) + "/" + id)
                .then()
                .statusCode(200)
                .body("bimtekStageId", equalTo(mine))
                .body("bimtekStage", equalTo(2));
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(MERGE)
                .body(Map.of("bimtekStage", 1))
                .patch(sessions(region) + "/" + id)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("bimtekStage"));
        // Its stage number is fixed while sessions are linked; a stage with sessions is not deleted.
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(MERGE)
                .body(Map.of("stageNumber", 3))
                .patch(stages(region) + "/" + mine)
                .then()
                .statusCode(409)
                .body("detail", containsString("unlink"));
        given().auth()
                .oauth2(TestData.adminToken())
                .delete(stages(region) + "/" + mine)
                .then()
                .statusCode(409)
                .body("detail", containsString("FGD sessions are linked"));
        given().auth()
                .oauth2(TestData.adminToken())
                .get(stages(region) + "/" + mine)
                .then()
                .body("sessions.id", contains(id))
                .body("attendance.sessions", equalTo(1));
    }

    @Test
    void aPlannedStageWithoutSessionsIsDeletedAndAudited() {
        String region = TestData.createRegion("Kabupaten Hapus Tahap");
        String id = create(region, stage(2026, 1, "2026-02-10", "2026-02-11"));
        String base = stages(region) + "/" + id;
        given().auth()
                .oauth2(Tokens.of(Roles.CONTRIBUTOR, region))
                .delete(base)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:smartcity:problem:forbidden"));
        given().auth()
                .oauth2(Tokens.of(Roles.COORDINATOR, region))
                .header("If-Match", "\"0\"")
                .delete(base)
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(Tokens.of(Roles.COORDINATOR, region))
                .delete(base)
                .then()
                .statusCode(204);
        given().auth().oauth2(TestData.adminToken()).get(base).then().statusCode(404);
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("regionCode", region)
                .queryParam("entityType", "BIMTEK_STAGE")
                .get("/api/v1/audit-events")
                .then()
                .body("items.action", contains("CREATE", "DELETE"))
                .body("items[1].before.cohortYear", equalTo(2026))
                .body("items[1].entityId", equalTo(id));
        // Held only once its last day is not in the future (and a session of it is HELD).
        String future = create(region, stage(2099, 1, "2099-01-05"));
        transition(TestData.adminToken(), stages(region) + "/" + future, "HELD", null)
                .statusCode(422)
                .body(
                        "missing",
                        hasItems("its last day (2099-01-05) not in the future", "at least one HELD FGD session"));
        transition(TestData.adminToken(), stages(region) + "/" + future, "CANCELLED", null)
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        postSession(region, session("SOCIETY", 1, future, "2099-01-05T09:00:00+07:00", "2099-01-05T12:00:00+07:00"))
                .statusCode(422)
                .body("errors[0].message", equalTo("the Bimtek stage is CANCELLED"));
    }

    @Test
    void anotherRegionsUserGets404AndRolesAreEnforced() {
        String region = TestData.createRegion("Kabupaten Tahap Tertutup");
        String other = TestData.createRegion("Kabupaten Tahap Luar");
        String id = create(region, stage(2024, 1, "2024-03-04"));
        String base = stages(region) + "/" + id;
        String outsider = Tokens.of(Roles.COORDINATOR, other);
        given().auth().oauth2(outsider).get(base).then().statusCode(404);
        given().auth()
                .oauth2(outsider)
                .contentType(MERGE)
                .body(Map.of("title", "Diambil"))
                .patch(base)
                .then()
                .statusCode(404);
        transition(outsider, base, "CANCELLED", null).statusCode(404);
        given().auth().oauth2(outsider).delete(base).then().statusCode(404);
        given().auth()
                .oauth2(outsider)
                .get(stages(region))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // The id through another region's path: not found, never "elsewhere".
        given().auth()
                .oauth2(TestData.adminToken())
                .get(stages(other) + "/" + id)
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:smartcity:problem:not-found"));
        post(region, Tokens.of(Roles.CONTRIBUTOR, region), stage(2024, 2, "2024-07-11"))
                .statusCode(403);
        for (String role : List.of(Roles.VIEWER, Roles.AUDITOR, Roles.CONTRIBUTOR)) {
            given().auth()
                    .oauth2(Tokens.of(role, region))
                    .get(base)
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(id));
        }
    }

    @Test
    void filtersSortAndCsv() {
        String region = TestData.createRegion("Kabupaten Daftar Tahap");
        create(region, stage(2024, 2, "2024-07-11", "2024-07-12"));
        String first = create(region, stage(2024, 1, "2024-04-02"));
        String later = create(region, stage(2025, 1, "2025-04-02"));
        transition(TestData.adminToken(), stages(region) + "/" + later, "CANCELLED", null)
                .statusCode(200);
        list(region, Map.of())
                .body("total", equalTo(3))
                .body("items.cohortYear", contains(2024, 2024, 2025))
                .body("items.stageNumber", contains(1, 2, 1));
        list(region, Map.of("cohortYear", "2024", "sort", "-stageNumber")).body("items.stageNumber", contains(2, 1));
        list(region, Map.of("status", "CANCELLED")).body("items.id", contains(later));
        list(region, Map.of("cohortYear", "2024", "limit", "1")).body("items.id", contains(first));
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("cohortYear", "1990")
                .get(stages(region))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cohortYear"));
        String csv = given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .accept("text/csv")
                .get(stages(region))
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertEquals(4, lines.length, csv);
        assertTrue(lines[0].startsWith("\"id\",\"regionCode\",\"cohortYear\",\"stageNumber\""), lines[0]);
        assertTrue(lines[2].contains("\"2024-07-11; 2024-07-12\""), lines[2]);
        assertTrue(lines[3].contains("\"CANCELLED\""), lines[3]);
    }

    private static ValidatableResponse list(String region, Map<String, String> query) {
        return given().auth()
                .oauth2(TestData.adminToken())
                .queryParams(query)
                .get(stages(region))
                .then()
                .statusCode(200);
    }
}
