package id.smartcity.masterplan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.platform.security.Roles;
import id.smartcity.quickwin.QuickWinResourceTest;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Masterplan versions, their programs, the workflow, the diff, the roadmap and the dashboard's plan figures. */
@QuarkusTest
class MasterplanWorkflowTest {

    /** The plan starts last year, so that this year (the dashboard's) is its second. */
    static final int Y0 = LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear() - 1;

    static final Map<String, String> ELEMENT = Map.of(
            "GOVERNANCE", "PUBLIC_SERVICES",
            "BRANDING", "TOURISM",
            "ECONOMY", "INDUSTRY",
            "LIVING", "HEALTH",
            "SOCIETY", "COMMUNITY",
            "ENVIRONMENT", "WASTE_MANAGEMENT");

    static String base(String region) {
        return "/api/v1/regions/" + region + "/masterplans";
    }

    static Map<String, Object> plan(String title) {
        Map<String, Object> b = new HashMap<>();
        b.put("title", title);
        b.put("vision", "Purbalingga cerdas, melayani, dan berdaya saing");
        b.put("mission", List.of("Tata kelola pemerintahan digital", "Ekonomi kreatif berbasis desa"));
        b.put("startYear", Y0);
        b.put("goals", List.of(Map.of("dimension", "GOVERNANCE", "text", "Semua layanan perizinan daring")));
        return b;
    }

    static Map<String, Object> program(String dimension, String horizon, int start, int end) {
        Map<String, Object> b = new HashMap<>();
        b.put("title", "Program " + dimension + " " + horizon);
        b.put("dimension", dimension);
        b.put("element", ELEMENT.get(dimension));
        b.put("horizon", horizon);
        b.put("startYear", start);
        b.put("endYear", end);
        b.put("fundingSource", "APBD");
        b.put("budget", List.of(Map.of("year", start, "amount", "100000000")));
        b.put(
                "indicators",
                List.of(Map.of(
                        "name",
                        "Layanan daring",
                        "unit",
                        "layanan",
                        "targets",
                        List.of(Map.of("year", start, "value", 25)))));
        return b;
    }

    static ValidatableResponse post(String token, String path, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then();
    }

    static ValidatableResponse patch(String token, String path, String ifMatch, Object body) {
        var spec = given().auth()
                .oauth2(token)
                .contentType("application/merge-patch+json")
                .body(body);
        if (ifMatch != null) {
            spec = spec.header("If-Match", ifMatch);
        }
        return spec.patch(path).then();
    }

    static ValidatableResponse move(String token, String region, String id, Map<String, Object> body) {
        return post(token, base(region) + "/" + id + "/transitions", body);
    }

    static String create(String token, String region, Map<String, Object> body) {
        return post(token, base(region), body).statusCode(201).extract().path("id");
    }

    static String addProgram(String token, String region, String id, Map<String, Object> body) {
        return post(token, base(region) + "/" + id + "/programs", body)
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String stakeholder(String region, String name) {
        return post(
                        TestData.adminToken(),
                        "/api/v1/regions/" + region + "/stakeholders",
                        Map.of("name", name, "kind", "GOVERNMENT_AGENCY"))
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String etag(String token, String path) {
        return given().auth()
                .oauth2(token)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    @Test
    void draftProgramsQuickWinReviewEnactCopyDiffRoadmapAndDashboard() {
        String region = TestData.createRegion("Kabupaten Rencana Induk");
        String contributor = Tokens.of(Roles.CONTRIBUTOR, region);
        String coordinator = Tokens.of(Roles.COORDINATOR, region);
        String viewer = Tokens.of(Roles.VIEWER, region);
        String lead = stakeholder(region, "Dinas Komunikasi dan Informatika");

        // A draft, by a contributor.
        var created = post(contributor, base(region), plan("Masterplan Smart City " + Y0))
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("number", equalTo(1))
                .body("status", equalTo("DRAFT"))
                .body("startYear", equalTo(Y0))
                .body("endYear", equalTo(Y0 + 9))
                .body("mission", contains("Tata kelola pemerintahan digital", "Ekonomi kreatif berbasis desa"))
                .body("goals[0].dimension", equalTo("GOVERNANCE"))
                .body("programCount", equalTo(0))
                .extract();
        String a = created.path("id");
        assertTrue(created.header("Location").endsWith(base(region) + "/" + a), created.header("Location"));

        // The Governance quick win, 25 % done by milestones, 150 000 000 realised this year.
        Map<String, Object> qwBody = QuickWinResourceTest.body("Layanan pengaduan terpadu", "GOVERNANCE", "300000000");
        String quickWin = QuickWinResourceTest.create(region, qwBody);
        QuickWinResourceTest.milestone(region, quickWin, "1", Y0 + "-03-31", true);
        QuickWinResourceTest.milestone(region, quickWin, "3", (Y0 + 1) + "-06-30", false);
        String today = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
        QuickWinResourceTest.report(region, quickWin, today, 30, "150000000");

        // One program per dimension; the Governance one is SHORT and delivered by the quick win.
        Map<String, Object> gov = program("GOVERNANCE", "SHORT", Y0, Y0 + 1);
        gov.put("quickWinId", quickWin);
        gov.put("leadStakeholderId", lead);
        gov.put(
                "budget",
                List.of(Map.of("year", Y0 + 1, "amount", "250000000.5"), Map.of("year", Y0, "amount", "100000000")));
        post(contributor, base(region) + "/" + a + "/programs", gov)
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("budget.year", contains(Y0, Y0 + 1))
                .body("budget.amount", contains("100000000.00", "250000000.50"))
                .body("budgetTotal", equalTo("350000000.50"))
                .body("currency", equalTo("IDR"))
                .body("quickWinId", equalTo(quickWin))
                .body("leadStakeholderId", equalTo(lead))
                .body("programKey", notNullValue())
                .body("indicators[0].targets[0].value", equalTo(25));
        addProgram(contributor, region, a, program("BRANDING", "MEDIUM", Y0 + 1, Y0 + 4));
        String economy = addProgram(contributor, region, a, program("ECONOMY", "MEDIUM", Y0, Y0 + 4));
        addProgram(contributor, region, a, program("LIVING", "LONG", Y0 + 2, Y0 + 9));
        addProgram(contributor, region, a, program("SOCIETY", "SHORT", Y0, Y0));
        addProgram(contributor, region, a, program("ENVIRONMENT", "LONG", Y0, Y0 + 9));
        // Every program write moved the version's ETag.
        given().auth()
                .oauth2(viewer)
                .get(base(region) + "/" + a)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"6\""))
                .body("programCount", equalTo(6));
        given().auth()
                .oauth2(viewer)
                .header("If-None-Match", "\"6\"")
                .get(base(region) + "/" + a)
                .then()
                .statusCode(304);

        // Submit: coordinator only, on the current ETag.
        move(contributor, region, a, Map.of("to", "IN_REVIEW")).statusCode(403);
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"5\"")
                .body(Map.of("to", "IN_REVIEW"))
                .post(base(region) + "/" + a + "/transitions")
                .then()
                .statusCode(412);
        move(coordinator, region, a, Map.of("to", "IN_REVIEW")).statusCode(200).body("status", equalTo("IN_REVIEW"));
        patch(contributor, base(region) + "/" + a, null, Map.of("title", "Diubah saat ditinjau"))
                .statusCode(409)
                .body("detail", containsString("IN_REVIEW"));
        move(coordinator, region, a, Map.of("to", "ENACTED"))
                .statusCode(422)
                .body("type", equalTo("urn:smartcity:problem:business-rule"))
                .body("errors.field", contains("regulationNumber", "regulationDate"));
        String regulation = "Peraturan Bupati Purbalingga Nomor 45 Tahun " + Y0;
        move(
                        coordinator,
                        region,
                        a,
                        Map.of("to", "ENACTED", "regulationNumber", regulation, "regulationDate", Y0 + "-12-20"))
                .statusCode(200)
                .body("status", equalTo("ENACTED"))
                .body("regulationNumber", equalTo(regulation))
                .body("regulationDate", equalTo(Y0 + "-12-20"));

        // Enacted: immutable.
        patch(coordinator, base(region) + "/" + a, null, Map.of("title", "Diubah"))
                .statusCode(409)
                .body("type", equalTo("urn:smartcity:problem:conflict"))
                .body("detail", containsString("immutable"));
        post(coordinator, base(region) + "/" + a + "/programs", program("ECONOMY", "SHORT", Y0, Y0))
                .statusCode(409)
                .body("detail", containsString("ENACTED"));
        patch(coordinator, base(region) + "/" + a + "/programs/" + economy, null, Map.of("title", "Diubah"))
                .statusCode(409);
        given().auth()
                .oauth2(coordinator)
                .delete(base(region) + "/" + a + "/programs/" + economy)
                .then()
                .statusCode(409);
        given().auth().oauth2(coordinator).delete(base(region) + "/" + a).then().statusCode(409);
        move(coordinator, region, a, Map.of("to", "DRAFT", "reason", "Ubah"))
                .statusCode(409)
                .body("allowed", empty());

        // A new draft copied from the enacted one, with one program changed.
        String b = post(contributor, base(region), Map.of("copyOf", a))
                .statusCode(201)
                .body("number", equalTo(2))
                .body("status", equalTo("DRAFT"))
                .body("copiedFromId", equalTo(a))
                .body("title", equalTo("Masterplan Smart City " + Y0))
                .body("programCount", equalTo(6))
                .extract()
                .path("id");
        JsonPath copied = given().auth()
                .oauth2(viewer)
                .queryParam("dimension", "ECONOMY")
                .get(base(region) + "/" + b + "/programs")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .extract()
                .jsonPath();
        String economyB = copied.getString("items[0].id");
        String economyKey = copied.getString("items[0].programKey");
        String economyKeyA = given().auth()
                .oauth2(viewer)
                .get(base(region) + "/" + a + "/programs/" + economy)
                .then()
                .statusCode(200)
                .extract()
                .path("programKey");
        assertEquals(economyKeyA, economyKey, "a copied program keeps its programKey");
        patch(
                        contributor,
                        base(region) + "/" + b + "/programs/" + economyB,
                        "\"0\"",
                        Map.of(
                                "title",
                                "Program ECONOMY diperluas",
                                "budget",
                                List.of(Map.of("year", Y0, "amount", "120000000"))))
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("title", equalTo("Program ECONOMY diperluas"))
                .body("budgetTotal", equalTo("120000000.00"));

        // The diff shows exactly that one program changed.
        given().auth()
                .oauth2(viewer)
                .get(base(region) + "/" + a + "/diff/" + b)
                .then()
                .statusCode(200)
                .body("from.number", equalTo(1))
                .body("to.number", equalTo(2))
                .body("added", empty())
                .body("removed", empty())
                .body("unchanged", equalTo(5))
                .body("changed", hasSize(1))
                .body("changed[0].programKey", equalTo(economyKey))
                .body("changed[0].fromProgramId", equalTo(economy))
                .body("changed[0].toProgramId", equalTo(economyB))
                .body("changed[0].changes.field", contains("title", "budget"))
                .body("changed[0].changes[0].before", equalTo("Program ECONOMY MEDIUM"))
                .body("changed[0].changes[0].after", equalTo("Program ECONOMY diperluas"))
                .body("changed[0].changes[1].before", containsString("100000000.00"))
                .body("changed[0].changes[1].after", containsString("120000000.00"));

        // Enacting b supersedes a.
        move(coordinator, region, b, Map.of("to", "IN_REVIEW")).statusCode(200);
        move(
                        coordinator,
                        region,
                        b,
                        Map.of(
                                "to",
                                "ENACTED",
                                "regulationNumber",
                                regulation + " (perubahan)",
                                "regulationDate",
                                today))
                .statusCode(200);
        given().auth()
                .oauth2(viewer)
                .get(base(region) + "/" + a)
                .then()
                .body("status", equalTo("SUPERSEDED"))
                .body("supersededById", equalTo(b));
        given().auth()
                .oauth2(viewer)
                .queryParam("status", "ENACTED")
                .get(base(region))
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(b));

        // The roadmap: plan next to the quick win's delivery.
        given().auth()
                .oauth2(viewer)
                .get(base(region) + "/" + b + "/roadmap")
                .then()
                .statusCode(200)
                .body(
                        "dimensions.dimension",
                        contains("GOVERNANCE", "BRANDING", "ECONOMY", "LIVING", "SOCIETY", "ENVIRONMENT"))
                .body("dimensions[0].programs[0].budget.amount", contains("100000000.00", "250000000.50"))
                .body("dimensions[0].programs[0].quickWin.id", equalTo(quickWin))
                .body("dimensions[0].programs[0].quickWin.progress.percent.value", equalTo("25.00"))
                .body("dimensions[0].programs[0].quickWin.progress.source", equalTo("MILESTONES"))
                .body("dimensions[0].programs[0].quickWin.budgetPlanned", equalTo("300000000.00"))
                .body("dimensions[0].programs[0].quickWin.budgetRealised", equalTo("150000000.00"))
                .body("dimensions[0].totals", hasSize(10))
                .body("dimensions[0].totals[1].amount", equalTo("250000000.50"))
                .body("dimensions[0].total", equalTo("350000000.50"))
                .body("dimensions[2].total", equalTo("120000000.00"))
                .body("totals[0].year", equalTo(Y0))
                .body("totals[0].amount", equalTo("420000000.00"))
                .body("grandTotal", equalTo("870000000.50"));
        String csv = given().auth()
                .oauth2(viewer)
                .accept("text/csv")
                .get(base(region) + "/" + b + "/roadmap")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("masterplan-" + region + "-v2-roadmap.csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].startsWith("\"row\",\"dimension\",\"programId\""), lines[0]);
        assertTrue(lines[0].contains("\"" + Y0 + "\",\"" + (Y0 + 1) + "\""), lines[0]);
        assertEquals(6 + 6 + 2, lines.length, csv);
        assertTrue(lines[1].startsWith("\"PROGRAM\",\"GOVERNANCE\""), lines[1]);
        assertTrue(
                lines[1].contains("\"" + quickWin + "\",\"PROPOSED\",\"25\",\"300000000.00\",\"150000000.00\""),
                lines[1]);
        assertTrue(lines[lines.length - 1].startsWith("\"GRAND_TOTAL\","), lines[lines.length - 1]);
        assertTrue(lines[lines.length - 1].contains("\"870000000.50\",\"IDR\""), lines[lines.length - 1]);

        // The dashboard: the enacted version's programs by horizon, this year's plan against delivery.
        given().auth()
                .oauth2(viewer)
                .get("/api/v1/regions/" + region + "/dashboard")
                .then()
                .statusCode(200)
                .body("masterplan.id", equalTo(b))
                .body("masterplan.number", equalTo(2))
                .body("masterplan.regulationNumber", equalTo(regulation + " (perubahan)"))
                .body("dimensions[0].masterplan.programsByHorizon.SHORT", equalTo(1))
                .body("dimensions[0].masterplan.programsByHorizon.MEDIUM", equalTo(0))
                .body("dimensions[0].masterplan.budgetPlannedThisYear", equalTo("250000000.50"))
                .body("dimensions[0].masterplan.quickWinBudgetRealisedThisYear", equalTo("150000000.00"))
                .body("dimensions[1].masterplan.programsByHorizon.MEDIUM", equalTo(1))
                .body("dimensions[1].masterplan.budgetPlannedThisYear", equalTo("100000000.00"))
                .body("dimensions[2].masterplan.budgetPlannedThisYear", equalTo("0.00"));

        // Every write is in the audit trail.
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("entityId", a)
                .get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items.entityType", hasItem("MASTERPLAN"))
                .body("items.action", contains("CREATE", "TRANSITION", "TRANSITION", "TRANSITION"))
                .body("items.after.status", contains("DRAFT", "IN_REVIEW", "ENACTED", "SUPERSEDED"));
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("entityId", b + "/" + economyB)
                .get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items.entityType", contains("MASTERPLAN_PROGRAM"))
                .body("items.action", contains("UPDATE"))
                .body("items[0].before.title", equalTo("Program ECONOMY MEDIUM"))
                .body("items[0].after.title", equalTo("Program ECONOMY diperluas"));
    }

    @Test
    void horizonAndReferenceRulesAre422NamingTheField() {
        String region = TestData.createRegion("Kabupaten Cakrawala");
        String other = TestData.createRegion("Kabupaten Cakrawala Lain");
        String token = Tokens.of(Roles.CONTRIBUTOR, region);
        String id = create(token, region, plan("Rencana cakrawala"));
        String programs = base(region) + "/" + id + "/programs";

        post(token, programs, program("GOVERNANCE", "SHORT", Y0, Y0 + 2))
                .statusCode(422)
                .body("type", equalTo("urn:smartcity:problem:business-rule"))
                .body("errors.field", contains("endYear"))
                .body("errors[0].message", containsString(Y0 + ".." + (Y0 + 1)))
                .body("errors[0].message", containsString("SHORT lies within the plan's first 2 years"));
        post(token, programs, program("GOVERNANCE", "MEDIUM", Y0 + 5, Y0 + 5))
                .statusCode(422)
                .body("errors.field", contains("startYear", "endYear"));
        post(token, programs, program("GOVERNANCE", "LONG", Y0, Y0 + 10))
                .statusCode(422)
                .body("errors.field", contains("endYear"));
        post(token, programs, program("GOVERNANCE", "LONG", Y0 - 1, Y0 + 9))
                .statusCode(422)
                .body("errors.field", contains("startYear"));
        Map<String, Object> budget = program("GOVERNANCE", "MEDIUM", Y0, Y0 + 2);
        budget.put(
                "budget",
                List.of(
                        Map.of("year", Y0, "amount", "1"),
                        Map.of("year", Y0 + 3, "amount", "1"),
                        Map.of("year", Y0, "amount", "2")));
        post(token, programs, budget)
                .statusCode(422)
                .body("errors.field", contains("budget[1].year", "budget[2].year"))
                .body("errors[1].message", equalTo("appears more than once"));
        Map<String, Object> element = program("GOVERNANCE", "SHORT", Y0, Y0);
        element.put("element", "TOURISM");
        post(token, programs, element)
                .statusCode(422)
                .body("errors[0].field", equalTo("element"))
                .body("errors[0].message", containsString("PUBLIC_SERVICES"));
        String quickWin =
                QuickWinResourceTest.create(region, QuickWinResourceTest.body("Quick win", "GOVERNANCE", "10"));
        Map<String, Object> medium = program("GOVERNANCE", "MEDIUM", Y0, Y0 + 4);
        medium.put("quickWinId", quickWin);
        post(token, programs, medium).statusCode(422).body("errors[0].field", equalTo("quickWinId"));
        Map<String, Object> foreign = program("GOVERNANCE", "SHORT", Y0, Y0);
        String foreignStakeholder = stakeholder(other, "Dinas Asing");
        foreign.put("leadStakeholderId", foreignStakeholder);
        // The second partner is of this region: only the first is named.
        foreign.put("partnerStakeholderIds", List.of(foreignStakeholder, stakeholder(region, "Dinas Sendiri")));
        foreign.put("fgdSessionId", UUID.randomUUID().toString());
        foreign.put(
                "quickWinId",
                QuickWinResourceTest.create(other, QuickWinResourceTest.body("Asing", "GOVERNANCE", "1")));
        post(token, programs, foreign)
                .statusCode(422)
                .body(
                        "errors.field",
                        contains("leadStakeholderId", "partnerStakeholderIds[0]", "fgdSessionId", "quickWinId"))
                .body("errors.message", org.hamcrest.Matchers.everyItem(containsString("no such")));
        Map<String, Object> shortOne = program("GOVERNANCE", "SHORT", Y0, Y0 + 1);
        shortOne.put("quickWinId", quickWin);
        String linked = addProgram(token, region, id, shortOne);
        post(token, programs, shortOne)
                .statusCode(422)
                .body("errors[0].field", equalTo("quickWinId"))
                .body("errors[0].message", containsString("one quick win, one program"));
        // A start year that would push the SHORT program out of the plan's first two years.
        patch(token, base(region) + "/" + id, "\"1\"", Map.of("startYear", Y0 + 1))
                .statusCode(422)
                .body("errors[0].field", equalTo("startYear"))
                .body("errors[0].message", containsString("SHORT lies within"));
        patch(token, base(region) + "/" + id, "\"0\"", Map.of("title", "Basi")).statusCode(412);
        patch(token, base(region) + "/" + id, "\"1\"", Map.of("copyOf", id)).statusCode(400);
        // Nothing was written by the refusals: one program, version 1.
        given().auth()
                .oauth2(token)
                .get(base(region) + "/" + id)
                .then()
                .header("ETag", equalTo("\"1\""))
                .body("programCount", equalTo(1));
        given().auth().oauth2(token).get(programs + "/" + linked).then().statusCode(200);
    }

    @Test
    void rolesAndRegionIsolation() {
        String region = TestData.createRegion("Kabupaten Peran Rencana");
        String other = TestData.createRegion("Kabupaten Peran Lain");
        String contributor = Tokens.of(Roles.CONTRIBUTOR, region);
        String id = create(contributor, region, plan("Rencana peran"));
        String prog = addProgram(contributor, region, id, program("LIVING", "SHORT", Y0, Y0));

        post(Tokens.of(Roles.VIEWER, region), base(region), plan("Tidak boleh"))
                .statusCode(403)
                .body("type", equalTo("urn:smartcity:problem:forbidden"));
        post(
                        Tokens.of(Roles.AUDITOR, region),
                        base(region) + "/" + id + "/programs",
                        program("LIVING", "SHORT", Y0, Y0))
                .statusCode(403);
        given().auth()
                .oauth2(contributor)
                .delete(base(region) + "/" + id)
                .then()
                .statusCode(403);
        move(contributor, region, id, Map.of("to", "IN_REVIEW"))
                .statusCode(403)
                .body("type", equalTo("urn:smartcity:problem:forbidden"));
        for (String role : List.of(Roles.VIEWER, Roles.AUDITOR, Roles.CONTRIBUTOR, Roles.COORDINATOR)) {
            given().auth()
                    .oauth2(Tokens.of(role, region))
                    .get(base(region) + "/" + id + "/programs/" + prog)
                    .then()
                    .statusCode(200)
                    .body("dimension", equalTo("LIVING"));
        }

        // Another region's masterplan is 404, through either region's path.
        given().auth()
                .oauth2(TestData.adminToken())
                .get(base(other) + "/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestData.adminToken())
                .get(base(other) + "/" + id + "/programs/" + prog)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.of(Roles.COORDINATOR, other))
                .get(base(region) + "/" + id)
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:smartcity:problem:not-found"));
        String otherPlan = create(TestData.adminToken(), other, plan("Rencana lain"));
        given().auth()
                .oauth2(TestData.adminToken())
                .get(base(region) + "/" + id + "/diff/" + otherPlan)
                .then()
                .statusCode(404);
        post(TestData.adminToken(), base(region), Map.of("copyOf", otherPlan))
                .statusCode(422)
                .body("errors[0].field", equalTo("copyOf"));
        given().auth()
                .oauth2(TestData.adminToken())
                .queryParam("limit", 100)
                .get(base(other))
                .then()
                .body("items.id", contains(otherPlan));

        // A coordinator deletes the draft; its programs go with it, audited.
        given().auth()
                .oauth2(Tokens.of(Roles.COORDINATOR, region))
                .header("If-Match", "\"1\"")
                .delete(base(region) + "/" + id)
                .then()
                .statusCode(204);
        given().auth().oauth2(contributor).get(base(region) + "/" + id).then().statusCode(404);
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("entityId", id)
                .get("/api/v1/audit-events")
                .then()
                .body("items.action", contains("CREATE", "DELETE"))
                .body("items[1].before.programCount", equalTo(1));
        // Numbers are never reused.
        post(contributor, base(region), plan("Rencana berikut")).statusCode(201).body("number", equalTo(2));
    }

    @Test
    void sendingBackNeedsAReason() {
        String region = TestData.createRegion("Kabupaten Kembali");
        String coordinator = Tokens.of(Roles.COORDINATOR, region);
        String id = create(coordinator, region, plan("Rencana kembali"));
        move(
                        coordinator,
                        region,
                        id,
                        Map.of("to", "ENACTED", "regulationNumber", "Perbup 1", "regulationDate", Y0 + "-01-02"))
                .statusCode(409)
                .body("currentStatus", equalTo("DRAFT"))
                .body("allowed", contains("IN_REVIEW"));
        move(coordinator, region, id, Map.of("to", "IN_REVIEW")).statusCode(200);
        move(coordinator, region, id, Map.of("to", "DRAFT")).statusCode(422).body("errors[0].field", equalTo("reason"));
        move(coordinator, region, id, Map.of("to", "DRAFT", "reason", "Lengkapi anggaran"))
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("statusReason", equalTo("Lengkapi anggaran"));
        move(coordinator, region, id, Map.of("to", "SUPERSEDED")).statusCode(409);
        patch(coordinator, base(region) + "/" + id, null, Map.of("vision", "Visi baru"))
                .statusCode(200)
                .body("vision", equalTo("Visi baru"));
    }

    @Test
    void programWritesMoveTheVersionsETagAndHonourTheProgramsIfMatch() {
        String region = TestData.createRegion("Kabupaten Versi Program");
        String token = Tokens.of(Roles.CONTRIBUTOR, region);
        String id = create(token, region, plan("Rencana versi"));
        String program = addProgram(token, region, id, program("SOCIETY", "LONG", Y0, Y0 + 9));
        String path = base(region) + "/" + id + "/programs/" + program;
        patch(token, path, "\"7\"", Map.of("title", "Basi"))
                .statusCode(412)
                .body("type", equalTo("urn:smartcity:problem:precondition-failed"));
        // A PATCH that changes nothing leaves both versions alone.
        patch(token, path, "\"0\"", Map.of("title", "Program SOCIETY LONG"))
                .statusCode(200)
                .header("ETag", equalTo("\"0\""));
        assertEquals("\"1\"", etag(token, base(region) + "/" + id));
        given().auth()
                .oauth2(token)
                .header("If-Match", "\"0\"")
                .delete(path)
                .then()
                .statusCode(204);
        given().auth().oauth2(token).get(path).then().statusCode(404);
        given().auth()
                .oauth2(token)
                .get(base(region) + "/" + id)
                .then()
                .header("ETag", equalTo("\"2\""))
                .body("programCount", equalTo(0));
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("entityId", id + "/" + program)
                .get("/api/v1/audit-events")
                .then()
                .body("items.action", contains("CREATE", "DELETE"))
                .body("items[0].after.horizon", equalTo("LONG"));
    }
}
