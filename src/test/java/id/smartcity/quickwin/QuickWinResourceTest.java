package id.smartcity.quickwin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
public class QuickWinResourceTest {

    public static String base(String region) {
        return "/api/v1/regions/" + region + "/quick-wins";
    }

    public static Map<String, Object> body(String title, String dimension, String budget) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("dimension", dimension);
        body.put("plannedBudget", budget);
        body.put("fundingSource", "APBD");
        body.put("targetYear", 2025);
        return body;
    }

    public static String create(String region, Map<String, Object> body) {
        return given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post(base(region))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static ValidatableResponse move(String region, String id, String to, String reason, String token) {
        Map<String, Object> body = new HashMap<>();
        body.put("to", to);
        if (reason != null) {
            body.put("reason", reason);
        }
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(base(region) + "/" + id + "/transitions")
                .then();
    }

    public static void milestone(String region, String id, String weight, String due, boolean done) {
        Map<String, Object> m =
                new HashMap<>(Map.of("title", "Tahap " + weight, "weight", Double.valueOf(weight), "dueDate", due));
        if (done) {
            m.put("done", true);
            m.put("doneDate", due);
        }
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(m)
                .post(base(region) + "/" + id + "/milestones")
                .then()
                .statusCode(201);
    }

    public static void report(String region, String id, String date, int percent, String realised) {
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "reportDate", date, "percent", percent, "narrative", "Laporan", "budgetRealised", realised))
                .post(base(region) + "/" + id + "/progress-reports")
                .then()
                .statusCode(201);
    }

    @Test
    void workflowFromProposalToCompletionWithHistory() {
        String region = TestData.createRegion("Kabupaten Alur");
        String coordinator = Tokens.of(Roles.COORDINATOR, region);
        String id = create(region, body("Antrean daring puskesmas", "LIVING", "150000000"));
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, region))
                .get(base(region) + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("PROPOSED"))
                .body("plannedBudget", equalTo("150000000.00"))
                .body("currency", equalTo("IDR"))
                .body("progress.percent.value", equalTo("0.00"))
                .body("progress.source", equalTo("NONE"));

        move(region, id, "APPROVED", null, Tokens.of(Roles.CONTRIBUTOR, region)).statusCode(403);
        move(region, id, "COMPLETED", null, coordinator)
                .statusCode(409)
                .body("allowed", contains("APPROVED", "CANCELLED"));
        move(region, id, "APPROVED", "Disetujui Tim Pelaksana", coordinator)
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
        move(region, id, "IN_PROGRESS", null, coordinator).statusCode(200);
        move(region, id, "ON_HOLD", null, coordinator)
                .statusCode(422)
                .body("type", equalTo("urn:smartcity:problem:business-rule"))
                .body("errors[0].field", equalTo("reason"));
        move(region, id, "ON_HOLD", "Menunggu anggaran perubahan", coordinator).statusCode(200);
        move(region, id, "IN_PROGRESS", "Anggaran tersedia", coordinator).statusCode(200);

        milestone(region, id, "1", "2025-02-01", true);
        milestone(region, id, "3", "2025-06-01", false);
        move(region, id, "COMPLETED", null, coordinator)
                .statusCode(422)
                .body("errors[0].field", equalTo("reason"))
                .body("detail", containsString("25.00"));
        move(region, id, "COMPLETED", "Selesai dengan lingkup dikurangi", coordinator)
                .statusCode(200)
                .body("status", equalTo("COMPLETED"));
        move(region, id, "IN_PROGRESS", "x", coordinator).statusCode(409);
        milestone409(region, id);

        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .get(base(region) + "/" + id + "/transitions")
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("items.to", contains("APPROVED", "IN_PROGRESS", "ON_HOLD", "IN_PROGRESS", "COMPLETED"))
                .body("items.from", contains("PROPOSED", "APPROVED", "IN_PROGRESS", "ON_HOLD", "IN_PROGRESS"))
                .body("items.reason[2]", equalTo("Menunggu anggaran perubahan"));
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("entityId", id)
                .queryParam("action", "TRANSITION")
                .get("/api/v1/audit-events")
                .then()
                .body("items.after.status", contains("APPROVED", "IN_PROGRESS", "ON_HOLD", "IN_PROGRESS", "COMPLETED"));
    }

    private static void milestone409(String region, String id) {
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Terlambat", "weight", 1, "dueDate", "2025-12-01"))
                .post(base(region) + "/" + id + "/milestones")
                .then()
                .statusCode(409);
    }

    @Test
    void completingAtFullProgressNeedsNoReason() {
        String region = TestData.createRegion("Kabupaten Tuntas");
        String coordinator = Tokens.of(Roles.COORDINATOR, region);
        String id = create(region, body("Katalog UMKM", "ECONOMY", "0"));
        move(region, id, "APPROVED", null, coordinator).statusCode(200);
        move(region, id, "IN_PROGRESS", null, coordinator).statusCode(200);
        report(region, id, "2025-06-30", 100, "0");
        move(region, id, "COMPLETED", null, coordinator).statusCode(200);
    }

    @Test
    void progressFromMilestonesElseTheLatestReportElseZero() {
        String region = TestData.createRegion("Kabupaten Kemajuan");
        String withMilestones = create(region, body("Dengan tahapan", "GOVERNANCE", "100"));
        milestone(region, withMilestones, "1", "2025-01-31", false);
        milestone(region, withMilestones, "3", "2025-03-31", true);
        report(region, withMilestones, "2025-04-01", 10, "25.50");
        given().auth()
                .oauth2(TestData.adminToken())
                .get(base(region) + "/" + withMilestones)
                .then()
                .body("progress.percent.value", equalTo("75.00"))
                .body("progress.source", equalTo("MILESTONES"))
                .body("budgetRealised", equalTo("25.50"))
                .body("version", equalTo(3));

        String reportsOnly = create(region, body("Hanya laporan", "GOVERNANCE", "100"));
        report(region, reportsOnly, "2025-05-01", 60, "10");
        report(region, reportsOnly, "2025-03-01", 30, "5");
        given().auth()
                .oauth2(TestData.adminToken())
                .get(base(region) + "/" + reportsOnly)
                .then()
                .body("progress.percent.value", equalTo("60.00"))
                .body("progress.source", equalTo("LATEST_REPORT"))
                .body("budgetRealised", equalTo("15.00"));
        given().auth()
                .oauth2(TestData.adminToken())
                .get(base(region) + "/" + reportsOnly + "/progress-reports")
                .then()
                .body("total", equalTo(2))
                .body("items.percent", contains(60.0f, 30.0f));

        // Ticking the last milestone moves the quick win to 100 and its ETag.
        String mid = given().auth()
                .oauth2(TestData.adminToken())
                .get(base(region) + "/" + withMilestones + "/milestones")
                .then()
                .body("total", equalTo(2))
                .body("items.done", contains(false, true))
                .body("items.overdue", contains(true, false))
                .extract()
                .path("items[0].id");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body(Map.of("done", true, "doneDate", "2025-02-03"))
                .patch(base(region) + "/" + withMilestones + "/milestones/" + mid)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("overdue", equalTo(false));
        given().auth()
                .oauth2(TestData.adminToken())
                .get(base(region) + "/" + withMilestones)
                .then()
                .body("progress.percent.value", equalTo("100.00"))
                .body("version", equalTo(4));
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType("application/merge-patch+json")
                .body("{\"done\": true, \"doneDate\": null}")
                .patch(base(region) + "/" + withMilestones + "/milestones/" + mid)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("doneDate"));
    }

    @Test
    void kpisReportTheirAttainment() {
        String region = TestData.createRegion("Kabupaten Indikator");
        String id = create(region, body("Pengaduan cepat", "GOVERNANCE", "0"));
        String kpi = given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Waktu penyelesaian",
                        "unit",
                        "hari",
                        "baseline",
                        14,
                        "target",
                        5,
                        "direction",
                        "LOWER_IS_BETTER"))
                .post(base(region) + "/" + id + "/kpis")
                .then()
                .statusCode(201)
                .body("attainment", equalTo(null))
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType("application/merge-patch+json")
                .body(Map.of("actual", 8))
                .patch(base(region) + "/" + id + "/kpis/" + kpi)
                .then()
                .statusCode(200)
                .body("attainment.value", equalTo("66.67"))
                .body("attainment.exact", equalTo("66.66666666666666666667"));
    }

    @Test
    void milestonesReportsKpisAndTransitionsArePagedLikeEveryList() {
        String region = TestData.createRegion("Kabupaten Halaman");
        String id = create(region, body("Halaman demi halaman", "ECONOMY", "10"));
        milestone(region, id, "1", "2025-05-01", false);
        milestone(region, id, "2", "2025-06-01", false);
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("limit", 1)
                .queryParam("offset", 1)
                .get(base(region) + "/" + id + "/milestones")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("offset", equalTo(1))
                .body("limit", equalTo(1))
                .body("items.dueDate", contains("2025-06-01"));
        for (String part : new String[] {"milestones", "progress-reports", "kpis", "transitions"}) {
            given().auth()
                    .oauth2(TestData.adminToken())
                    .queryParam("limit", 101)
                    .get(base(region) + "/" + id + "/" + part)
                    .then()
                    .statusCode(400)
                    .body("type", equalTo("urn:smartcity:problem:validation"))
                    .body("errors.field", contains("limit"));
        }
    }

    @Test
    void everyWriteToMilestonesReportsAndKpisIsAudited() {
        String region = TestData.createRegion("Kabupaten Jejak Program");
        String id = create(region, body("Jejak", "ECONOMY", "10"));
        milestone(region, id, "2", "2025-05-01", false);
        String mid = given().auth()
                .oauth2(TestData.adminToken())
                .get(base(region) + "/" + id + "/milestones")
                .then()
                .extract()
                .path("items[0].id");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType("application/merge-patch+json")
                .body(Map.of("done", true, "doneDate", "2025-04-30"))
                .patch(base(region) + "/" + id + "/milestones/" + mid)
                .then()
                .statusCode(200);
        report(region, id, "2025-05-02", 30, "1.50");
        String kpi = given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Transaksi QRIS",
                        "unit",
                        "transaksi",
                        "baseline",
                        0,
                        "target",
                        1000,
                        "direction",
                        "HIGHER_IS_BETTER"))
                .post(base(region) + "/" + id + "/kpis")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType("application/merge-patch+json")
                .body(Map.of("actual", 250))
                .patch(base(region) + "/" + id + "/kpis/" + kpi)
                .then()
                .statusCode(200)
                .body("attainment.value", equalTo("25.00"));
        given().auth()
                .oauth2(TestData.adminToken())
                .header("If-Match", "\"1\"")
                .delete(base(region) + "/" + id + "/milestones/" + mid)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("regionCode", region)
                .queryParam("limit", 100)
                .get("/api/v1/audit-events")
                .then()
                .body("items.findAll { it.entityType == 'MILESTONE' }.action", contains("CREATE", "UPDATE", "DELETE"))
                .body(
                        "items.findAll { it.entityType == 'MILESTONE' && it.action == 'UPDATE' }[0].after.done",
                        equalTo(true))
                .body("items.findAll { it.entityType == 'PROGRESS_REPORT' }.action", contains("CREATE"))
                .body("items.findAll { it.entityType == 'PROGRESS_REPORT' }[0].after.budgetRealised", equalTo("1.50"))
                .body("items.findAll { it.entityType == 'KPI' }.action", contains("CREATE", "UPDATE"))
                .body(
                        "items.findAll { it.entityType == 'KPI' && it.action == 'UPDATE' }[0].after.actual",
                        equalTo("250"))
                .body("items.findAll { it.entityType == 'QUICK_WIN' }.action", contains("CREATE"));
    }

    @Test
    void sessionAndStakeholdersMustBeOfTheSameRegionAndTheSessionOfTheSameDimension() {
        String region = TestData.createRegion("Kabupaten Asal");
        String other = TestData.createRegion("Kabupaten Lain Asal");
        String session = given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "FGD Living",
                        "dimension",
                        "LIVING",
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
        String foreign = given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Dinas Asing", "kind", "GOVERNMENT_AGENCY"))
                .post("/api/v1/regions/" + other + "/stakeholders")
                .then()
                .extract()
                .path("id");
        Map<String, Object> b = body("Salah dimensi", "ECONOMY", "10");
        b.put("fgdSessionId", session);
        b.put("leadStakeholderId", foreign);
        b.put("partnerStakeholderIds", List.of(session, foreign));
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(b)
                .post(base(region))
                .then()
                .statusCode(422)
                .body(
                        "errors.field",
                        contains(
                                "fgdSessionId",
                                "leadStakeholderId",
                                "partnerStakeholderIds[0]",
                                "partnerStakeholderIds[1]"))
                .body("errors[0].message", containsString("LIVING"))
                .body("errors[1].message", equalTo("no such stakeholder in this region"))
                .body("errors[3].message", equalTo("no such stakeholder in this region"));
        b.remove("partnerStakeholderIds");
        Map<String, Object> money = body("Uang salah", "LIVING", "1.234");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(money)
                .post(base(region))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("plannedBudget"));
        b.put("dimension", "LIVING");
        String lead = given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Dinas Kesehatan", "kind", "GOVERNMENT_AGENCY"))
                .post("/api/v1/regions/" + region + "/stakeholders")
                .then()
                .extract()
                .path("id");
        b.put("leadStakeholderId", lead);
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(b)
                .post(base(region))
                .then()
                .statusCode(201)
                .body("fgdSessionId", equalTo(session))
                .body("leadStakeholderId", equalTo(lead));
        // The lead of a quick win is archived, never deleted.
        given().auth()
                .oauth2(TestData.adminToken())
                .delete("/api/v1/regions/" + region + "/stakeholders/" + lead)
                .then()
                .statusCode(409)
                .body("detail", containsString("quick wins"));
    }

    @Test
    void filtersSortAndCsv() {
        String region = TestData.createRegion("Kabupaten Daftar Program");
        create(region, body("Portal desa wisata", "BRANDING", "200000000"));
        Map<String, Object> later = body("Bank sampah digital", "ENVIRONMENT", "75000000.50");
        later.put("targetYear", 2026);
        create(region, later);
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("sort", "-plannedBudget")
                .get(base(region))
                .then()
                .body("items.title", contains("Portal desa wisata", "Bank sampah digital"))
                .body("total", equalTo(2));
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("targetYear", 2026)
                .get(base(region))
                .then()
                .body("items.title", contains("Bank sampah digital"));
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("q", "WISATA")
                .get(base(region))
                .then()
                .body("items.title", contains("Portal desa wisata"));
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("dimension", "ENVIRONMENT")
                .get(base(region))
                .then()
                .body("items.plannedBudget", contains("75000000.50"));
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("leadStakeholderId", "nope")
                .get(base(region))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("leadStakeholderId"));
        String csv = given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .accept("text/csv")
                .get(base(region))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length, csv);
        assertTrue(lines[1].contains("\"75000000.50\""), lines[1]);
    }

    @Test
    void anotherRegionsUserGets404ByIdAndOnItsLists() {
        String region = TestData.createRegion("Kabupaten Program Tertutup");
        String other = TestData.createRegion("Kabupaten Program Luar");
        String id = create(region, body("Rahasia", "SOCIETY", "1"));
        String outsider = Tokens.of(Roles.COORDINATOR, other);
        given().auth().oauth2(outsider).get(base(region) + "/" + id).then().statusCode(404);
        given().auth()
                .oauth2(outsider)
                .get(base(region) + "/" + id + "/milestones")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(outsider)
                .get(base(region) + "/" + id + "/transitions")
                .then()
                .statusCode(404);
        move(region, id, "APPROVED", null, outsider).statusCode(404);
        given().auth()
                .oauth2(outsider)
                .contentType("application/merge-patch+json")
                .body(Map.of("title", "x"))
                .patch(base(region) + "/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(outsider)
                .contentType(ContentType.JSON)
                .body(Map.of("reportDate", "2025-01-01", "percent", 5))
                .post(base(region) + "/" + id + "/progress-reports")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(outsider)
                .get(base(region))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(outsider)
                .get("/api/v1/regions/" + region + "/dashboard")
                .then()
                .statusCode(404);
        given().auth().oauth2(TestData.adminToken()).get(base(region)).then().body("items.id", hasItem(id));
    }
}
