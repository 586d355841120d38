package id.smartcity.fgd;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FgdSessionResourceTest {

    private static String sessions(String region) {
        return "/api/v1/regions/" + region + "/fgd-sessions";
    }

    static Map<String, Object> session(String dimension, String start, String end) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "FGD Smart " + dimension);
        body.put("dimension", dimension);
        body.put("bimtekStage", 2);
        body.put("bimtekDay", 1);
        body.put("scheduledStart", start);
        body.put("scheduledEnd", end);
        body.put("venue", "Gedung Ardilawet, Kompleks Setda Purbalingga");
        body.put("agenda", "Merumuskan quick win dimensi " + dimension);
        return body;
    }

    private static String create(String region, String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(sessions(region))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void theWholeWorkshopFlowFromInvitationToHeldIsRecordedAndAudited() {
        String region = TestData.createRegion("Kabupaten Lokakarya");
        String contributor = Tokens.of(Roles.CONTRIBUTOR, region);
        String coordinator = Tokens.of(Roles.COORDINATOR, region);
        String dinkominfo = TestData.createStakeholder(region, "Dinas Komunikasi dan Informatika");
        String bappeda = TestData.createStakeholder(region, "Bappelitbangda");
        Map<String, Object> body = session("GOVERNANCE", "2024-07-11T09:00:00+07:00", "2024-07-11T12:00:00+07:00");
        body.put("facilitatorStakeholderId", dinkominfo);
        String id = create(region, contributor, body);
        String base = sessions(region) + "/" + id;

        given().auth()
                .oauth2(contributor)
                .get(base)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("PLANNED"))
                .body("facilitatorStakeholderId", equalTo(dinkominfo))
                .body("scheduledStart", equalTo("2024-07-11T02:00:00Z"))
                .body("hasMinutes", equalTo(false))
                .body(
                        "documentsHref",
                        equalTo("/api/v1/regions/" + region + "/documents?ownerType=FGD_SESSION&ownerId=" + id));

        given().auth()
                .oauth2(contributor)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("stakeholderIds", List.of(dinkominfo, bappeda)))
                .post(base + "/participants")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("total", equalTo(2))
                .body("items.name", contains("Bappelitbangda", "Dinas Komunikasi dan Informatika"))
                .body("items.attendance", contains("INVITED", "INVITED"));

        // Not HELD yet: nobody attended and there are no minutes.
        transition(coordinator, base, "HELD", null)
                .statusCode(422)
                .body("type", equalTo("urn:smartcity:problem:business-rule"))
                .body("missing", hasItems("minutes"))
                .body("detail", containsString("ATTENDED"));

        given().auth()
                .oauth2(contributor)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(Map.of(
                        "updates",
                        List.of(
                                Map.of("stakeholderId", dinkominfo, "attendance", "ATTENDED"),
                                Map.of("stakeholderId", bappeda, "attendance", "ABSENT"))))
                .patch(base + "/participants")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("items.attendance", contains("ABSENT", "ATTENDED"));

        transition(coordinator, base, "HELD", null).statusCode(422).body("missing", contains("minutes"));

        given().auth()
                .oauth2(contributor)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body(Map.of(
                        "summary",
                        "Peserta menyepakati quick win layanan pengaduan terpadu.",
                        "decisions",
                        List.of(Map.of("text", "Quick win: SP4N-LAPOR di semua OPD", "responsible", "Dinkominfo"))))
                .put(base + "/minutes")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"3\""))
                .body("decisions[0].responsible", equalTo("Dinkominfo"));

        transition(contributor, base, "HELD", "\"3\"").statusCode(403);
        transition(coordinator, base, "HELD", "\"2\"").statusCode(412);
        transition(coordinator, base, "HELD", "\"3\"")
                .statusCode(200)
                .header("ETag", equalTo("\"4\""))
                .body("status", equalTo("HELD"))
                .body("statusReason", equalTo("Sesuai rencana"))
                .body("hasMinutes", equalTo(true));

        // Once HELD: no other move, details are final, minutes are the coordinator's.
        transition(coordinator, base, "CANCELLED", null)
                .statusCode(409)
                .body("allowed", empty())
                .body("currentStatus", equalTo("HELD"));
        given().auth()
                .oauth2(coordinator)
                .contentType("application/merge-patch+json")
                .body(Map.of("venue", "Pendopo"))
                .patch(base)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(contributor)
                .contentType(ContentType.JSON)
                .body(Map.of("summary", "Diubah kontributor"))
                .put(base + "/minutes")
                .then()
                .statusCode(403)
                .body("detail", containsString("coordinator"));
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("summary", "Koreksi oleh koordinator."))
                .put(base + "/minutes")
                .then()
                .statusCode(200)
                .body("summary", equalTo("Koreksi oleh koordinator."))
                .body("decisions", empty());

        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("regionCode", region)
                .queryParam("limit", 100)
                .get("/api/v1/audit-events")
                .then()
                .body("items.entityType", hasItems("FGD_SESSION", "FGD_PARTICIPANT", "FGD_MINUTES"))
                .body("items.findAll { it.entityType == 'FGD_SESSION' }.action", contains("CREATE", "TRANSITION"))
                .body("items.findAll { it.entityType == 'FGD_MINUTES' }.action", contains("CREATE", "UPDATE"))
                .body(
                        "items.findAll { it.entityType == 'FGD_PARTICIPANT' }.action",
                        contains("CREATE", "CREATE", "UPDATE", "UPDATE"))
                .body("items.findAll { it.action == 'TRANSITION' }[0].after.status", equalTo("HELD"));
    }

    @Test
    void scheduleAndFacilitatorAreChecked() {
        String region = TestData.createRegion("Kabupaten Jadwal");
        String other = TestData.createRegion("Kabupaten Seberang");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(session("LIVING", "2024-07-11T12:00:00+07:00", "2024-07-11T09:00:00+07:00"))
                .post(sessions(region))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("scheduledEnd"));
        Map<String, Object> body = session("LIVING", "2024-07-11T09:00:00+07:00", "2024-07-11T12:00:00+07:00");
        body.put("facilitatorStakeholderId", TestData.createStakeholder(other, "Fasilitator Tetangga"));
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post(sessions(region))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("facilitatorStakeholderId"))
                .body("errors[0].message", equalTo("no such stakeholder in this region"));
        body.remove("facilitatorStakeholderId");
        body.put("bimtekStage", 5);
        body.put("dimension", "HAPPINESS");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post(sessions(region))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dimension"));
    }

    @Test
    void onlyStakeholdersOfTheSameRegionAreInvitedAndOtherRegionsAreNeverRevealed() {
        String region = TestData.createRegion("Kabupaten Undang");
        String other = TestData.createRegion("Kabupaten Asing");
        String mine = TestData.createStakeholder(region, "Dinas Sendiri");
        String theirs = TestData.createStakeholder(other, "Dinas Asing");
        String id = create(
                region,
                TestData.adminToken(),
                session("ECONOMY", "2024-07-11T09:00:00+07:00", "2024-07-11T12:00:00+07:00"));
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("stakeholderIds", List.of(mine, theirs, "00000000-0000-0000-0000-000000000001")))
                .post(sessions(region) + "/" + id + "/participants")
                .then()
                .statusCode(422)
                .body("errors.field", contains("stakeholderIds[1]", "stakeholderIds[2]"))
                .body(
                        "errors.message",
                        contains("no such stakeholder in this region", "no such stakeholder in this region"));
        given().auth()
                .oauth2(TestData.adminToken())
                .get(sessions(region) + "/" + id + "/participants")
                .then()
                .body("total", equalTo(0));
        // Attendance for someone not invited is refused, all or nothing.
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("updates", List.of(Map.of("stakeholderId", mine, "attendance", "ATTENDED"))))
                .patch(sessions(region) + "/" + id + "/participants")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("updates[0].stakeholderId"));
    }

    @Test
    void aCancelledSessionIsFinalAndAStakeholderItRefersToCannotBeDeleted() {
        String region = TestData.createRegion("Kabupaten Batal");
        String guest = TestData.createStakeholder(region, "Tamu");
        String id = create(
                region,
                TestData.adminToken(),
                session("BRANDING", "2024-07-11T09:00:00+07:00", "2024-07-11T12:00:00+07:00"));
        String base = sessions(region) + "/" + id;
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("stakeholderIds", List.of(guest)))
                .post(base + "/participants")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestData.adminToken())
                .delete("/api/v1/regions/" + region + "/stakeholders/" + guest)
                .then()
                .statusCode(409)
                .body("detail", containsString("archive it instead"));
        transition(TestData.adminToken(), base, "CANCELLED", null)
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        transition(TestData.adminToken(), base, "PLANNED", null).statusCode(409).body("allowed", empty());
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("summary", "Terlambat"))
                .put(base + "/minutes")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(TestData.adminToken())
                .get(base + "/minutes")
                .then()
                .statusCode(404);
    }

    @Test
    void filtersSortAndCsv() {
        String region = TestData.createRegion("Kabupaten Daftar Sesi");
        create(
                region,
                TestData.adminToken(),
                session("GOVERNANCE", "2024-07-11T09:00:00+07:00", "2024-07-11T11:00:00+07:00"));
        String living = create(
                region,
                TestData.adminToken(),
                session("LIVING", "2024-07-11T13:00:00+07:00", "2024-07-11T15:00:00+07:00"));
        Map<String, Object> stage3 = session("LIVING", "2024-09-02T09:00:00+07:00", "2024-09-02T11:00:00+07:00");
        stage3.put("bimtekStage", 3);
        create(region, TestData.adminToken(), stage3);
        transition(TestData.adminToken(), sessions(region) + "/" + living, "CANCELLED", null)
                .statusCode(200);

        list(region, Map.of()).body("items.dimension", contains("GOVERNANCE", "LIVING", "LIVING"));
        list(region, Map.of("dimension", "LIVING", "sort", "-scheduledStart"))
                .body("items.bimtekStage", contains(3, 2));
        list(region, Map.of("status", "CANCELLED")).body("items.id", contains(living));
        list(region, Map.of("stage", "3")).body("total", equalTo(1));
        list(region, Map.of("from", "2024-07-11T12:00:00+07:00", "to", "2024-08-01T00:00:00+07:00"))
                .body("items.id", contains(living));
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("stage", "9")
                .get(sessions(region))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("stage"));
        String csv = given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .accept("text/csv")
                .get(sessions(region))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertEquals(4, lines.length, csv);
        assertTrue(lines[0].startsWith("\"id\",\"regionCode\",\"title\",\"dimension\""), lines[0]);
        assertTrue(lines[2].contains("\"CANCELLED\""), lines[2]);
    }

    @Test
    void anotherRegionsUserGets404ByIdAndOnItsLists() {
        String region = TestData.createRegion("Kabupaten Sesi Tertutup");
        String other = TestData.createRegion("Kabupaten Sesi Luar");
        String id = create(
                region,
                TestData.adminToken(),
                session("SOCIETY", "2024-07-11T09:00:00+07:00", "2024-07-11T12:00:00+07:00"));
        String outsider = Tokens.of(Roles.COORDINATOR, other);
        String base = sessions(region) + "/" + id;
        given().auth().oauth2(outsider).get(base).then().statusCode(404);
        given().auth().oauth2(outsider).get(base + "/participants").then().statusCode(404);
        given().auth().oauth2(outsider).get(base + "/minutes").then().statusCode(404);
        given().auth()
                .oauth2(outsider)
                .contentType("application/merge-patch+json")
                .body(Map.of("title", "Diambil"))
                .patch(base)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(outsider)
                .contentType(ContentType.JSON)
                .body(session("SOCIETY", "2024-07-11T09:00:00+07:00", "2024-07-11T12:00:00+07:00"))
                .put(base)
                .then()
                .statusCode(404);
        transition(outsider, base, "CANCELLED", null).statusCode(404);
        given().auth()
                .oauth2(outsider)
                .contentType(ContentType.JSON)
                .body(Map.of("summary", "x"))
                .put(base + "/minutes")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(outsider)
                .contentType(ContentType.JSON)
                .body(Map.of("stakeholderIds", List.of(id)))
                .post(base + "/participants")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(outsider)
                .get(sessions(region))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(outsider).get(sessions(other) + "/" + id).then().statusCode(404);
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, region))
                .get(base)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void viewersAndContributorsCannotTransition() {
        String region = TestData.createRegion("Kabupaten Transisi");
        String id = create(
                region,
                TestData.adminToken(),
                session("ENVIRONMENT", "2024-07-11T09:00:00+07:00", "2024-07-11T12:00:00+07:00"));
        for (String role : List.of(Roles.VIEWER, Roles.CONTRIBUTOR, Roles.AUDITOR)) {
            transition(Tokens.of(role, region), sessions(region) + "/" + id, "CANCELLED", null)
                    .statusCode(403);
        }
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("to", "CANCELLED"))
                .post(sessions(region) + "/" + id + "/transitions")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("reason"));
    }

    private static ValidatableResponse transition(String token, String base, String to, String ifMatch) {
        var request = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("to", to, "reason", "Sesuai rencana"));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post(base + "/transitions").then();
    }

    private static ValidatableResponse list(String region, Map<String, String> query) {
        return given().auth()
                .oauth2(TestData.adminToken())
                .queryParams(query)
                .get(sessions(region))
                .then()
                .statusCode(200);
    }
}
