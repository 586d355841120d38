package id.smartcity.platform.input;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.quickwin.QuickWinResourceTest;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one rule for the text a request carries (StrictText, StrictJson, StrictUtf8Body,
 * StrictRequestFilter): every place a string can come from, refused with a 400 that names it.
 */
@QuarkusTest
class StrictInputTest {

    private static String milestones(String region, String quickWin) {
        return QuickWinResourceTest.base(region) + "/" + quickWin + "/milestones";
    }

    private static String quickWin(String region) {
        return QuickWinResourceTest.create(
                region, QuickWinResourceTest.body("Mal Pelayanan Publik", "GOVERNANCE", "1000000.00"));
    }

    private static ValidatableResponse post(String path, String json) {
        return given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(json)
                .post(path)
                .then();
    }

    private static void refused(ValidatableResponse r, String field) {
        r.statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smartcity:problem:validation"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    @Test
    void refusesNulAndOtherControlsInAJsonStringNamingTheField() {
        String region = TestData.createRegion("Strict JSON");
        String path = milestones(region, quickWin(region));
        refused(post(path, "{\"title\":\"\\u0000\",\"weight\":1,\"dueDate\":\"2025-03-31\"}"), "title");
        refused(post(path, "{\"title\":\"a\\u0007b\",\"weight\":1,\"dueDate\":\"2025-03-31\"}"), "title");
        refused(post(path, "{\"title\":\"\\ud800x\",\"weight\":1,\"dueDate\":\"2025-03-31\"}"), "title");
        // The C1 controls too (NEL, CSI): no text here means them.
        refused(post(path, "{\"title\":\"a\\u0085b\",\"weight\":1,\"dueDate\":\"2025-03-31\"}"), "title");
        refused(post(path, "{\"title\":\"a\u009bb\",\"weight\":1,\"dueDate\":\"2025-03-31\"}"), "title");
        // TAB, LF and CR are text.
        post(path, "{\"title\":\"a\\tb\\nc\\r\",\"weight\":1,\"dueDate\":\"2025-03-31\"}")
                .statusCode(201);
    }

    @Test
    void readsDatesIdsAndEnumsStrictly() {
        String region = TestData.createRegion("Strict types");
        String path = milestones(region, quickWin(region));
        refused(post(path, "{\"title\":\"t\",\"weight\":1,\"dueDate\":12345}"), "dueDate");
        refused(post(path, "{\"title\":\"t\",\"weight\":1,\"dueDate\":\"+10000-01-01\"}"), "dueDate");
        refused(post(path, "{\"title\":\"t\",\"weight\":1,\"dueDate\":\"1899-12-31\"}"), "dueDate");
        refused(post(path, "{\"title\":\"t\",\"weight\":1,\"dueDate\":\"2025-03-31T00:00:00Z\"}"), "dueDate");
        refused(post(path, "{\"title\":\"t\",\"weight\":1,\"dueDate\":\"2025-02-30\"}"), "dueDate");
        String quickWins = QuickWinResourceTest.base(region);
        refused(
                post(
                        quickWins,
                        "{\"title\":\"t\",\"dimension\":\" GOVERNANCE \",\"plannedBudget\":\"1.00\","
                                + "\"fundingSource\":\"APBD\",\"targetYear\":2025}"),
                "dimension");
        refused(
                post(
                        quickWins,
                        "{\"title\":\"t\",\"dimension\":\"governance\",\"plannedBudget\":\"1.00\","
                                + "\"fundingSource\":\"APBD\",\"targetYear\":2025}"),
                "dimension");
        refused(
                post(
                        quickWins,
                        "{\"title\":\"t\",\"dimension\":\"GOVERNANCE\",\"plannedBudget\":\"1.00\","
                                + "\"fundingSource\":\"APBD\",\"targetYear\":2025,\"leadStakeholderId\":\" \"}"),
                "leadStakeholderId");
        refused(
                post(
                        quickWins,
                        "{\"title\":\"t\",\"dimension\":\"GOVERNANCE\",\"plannedBudget\":\"1.00\","
                                + "\"fundingSource\":\"APBD\",\"targetYear\":2025,\"leadStakeholderId\":\"\"}"),
                "leadStakeholderId");
    }

    @Test
    void refusesMalformedAndOverlongUtf8AndSkipsALeadingBom() throws Exception {
        String region = TestData.createRegion("Strict bytes");
        String path = milestones(region, quickWin(region));
        byte[] overlong = bytes(
                "{\"title\":\"a", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\",\"weight\":1,\"dueDate\":\"2025-03-31\"}");
        refused(raw(path, overlong), "body");
        byte[] surrogate = bytes(
                "{\"title\":\"a",
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                "\",\"weight\":1,\"dueDate\":\"2025-03-31\"}");
        refused(raw(path, surrogate), "body");
        byte[] bom = bytes(
                "",
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "{\"title\":\"BOM\",\"weight\":1,\"dueDate\":\"2025-03-31\"}");
        raw(path, bom).statusCode(201).body("title", equalTo("BOM"));
        byte[] ok = bytes(
                "{\"title\":\"Kecamatan ",
                "ü✓😀".getBytes(StandardCharsets.UTF_8),
                "\",\"weight\":1,\"dueDate\":\"2025-03-31\"}");
        raw(path, ok).statusCode(201).body("title", equalTo("Kecamatan ü✓😀"));
    }

    @Test
    void countsLengthsInCodePoints() {
        String region = TestData.createRegion("Code points");
        String path = milestones(region, quickWin(region));
        String emoji200 = "😀".repeat(200);
        post(path, "{\"title\":\"" + emoji200 + "\",\"weight\":1,\"dueDate\":\"2025-03-31\"}")
                .statusCode(201)
                .body("title", equalTo(emoji200));
        refused(post(path, "{\"title\":\"" + emoji200 + "x\",\"weight\":1,\"dueDate\":\"2025-03-31\"}"), "title");
    }

    @Test
    void refusesBadTextInQueryPathAndHeadersNamingThem() {
        String region = TestData.createRegion("Strict query");
        String token = TestData.adminToken();
        refused(
                given().auth()
                        .oauth2(token)
                        .urlEncodingEnabled(false)
                        .get(QuickWinResourceTest.base(region) + "?q=a%00b")
                        .then(),
                "q");
        refused(
                given().auth()
                        .oauth2(token)
                        .urlEncodingEnabled(false)
                        .get(QuickWinResourceTest.base(region) + "?q=%C0%AF")
                        .then(),
                "q");
        refused(
                given().auth()
                        .oauth2(token)
                        .urlEncodingEnabled(false)
                        .get(QuickWinResourceTest.base(region) + "?q=%C2%85Bappelitbangda")
                        .then(),
                "q");
        // A trend names the framework it is for: never a code no framework can have.
        refused(
                given().auth()
                        .oauth2(token)
                        .get("/api/v1/regions/" + region + "/readiness/trend?framework=Bappelitbangda")
                        .then(),
                "framework");
        refused(
                given().auth()
                        .oauth2(token)
                        .urlEncodingEnabled(false)
                        .get("/api/v1/assessment-frameworks/SDM%00/versions/1")
                        .then(),
                "code");
        refused(
                given().auth()
                        .oauth2(token)
                        .urlEncodingEnabled(false)
                        .get("/api/v1/audit-events?actor=%00")
                        .then(),
                "actor");
        refused(
                given().auth()
                        .oauth2(token)
                        .header("If-None-Match", "\"1\"\u00e9")
                        .get("/api/v1/regions/" + region)
                        .then(),
                "If-None-Match");
    }

    @Test
    void refusesAQueryParameterTheOperationDoesNotDeclare() {
        String region = TestData.createRegion("Unknown parameter");
        given().auth()
                .oauth2(TestData.adminToken())
                .get(QuickWinResourceTest.base(region) + "?dimensoin=GOVERNANCE")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("dimensoin"))
                .body("errors.message[0]", containsString("dimension"));
        given().auth()
                .oauth2(TestData.adminToken())
                .get(QuickWinResourceTest.base(region) + "?dimension=GOVERNANCE&limit=5")
                .then()
                .statusCode(200);
    }

    @Test
    void aNumberTooLargeForItsFieldIsA400NamingTheField() {
        String region = TestData.createRegion("Angka besar");
        Map<String, Object> body = QuickWinResourceTest.body("Terlalu besar", "LIVING", "10");
        body.put("targetYear", new java.math.BigInteger("2147483648"));
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post(QuickWinResourceTest.base(region))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smartcity:problem:validation"))
                .body("errors.field", contains("targetYear"))
                .body("errors[0].message", equalTo("is out of range for this field"));
        // Inside an array, the path names the element.
        Map<String, Object> stage = Map.of(
                "cohortYear",
                2024,
                "stageNumber",
                1,
                "title",
                "Bimtek Smart City Tahap 1",
                "days",
                List.of(
                        Map.of("day", 1, "date", "2024-05-02"),
                        Map.of("day", new java.math.BigInteger("99999999999"), "date", "2024-05-03")));
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(stage)
                .post("/api/v1/regions/" + region + "/bimtek-stages")
                .then()
                .statusCode(400)
                .body("errors.field", contains("days[1].day"));
    }

    @Test
    void refusesAQueryParameterGivenTwice() {
        String region = TestData.createRegion("Twice");
        given().auth()
                .oauth2(TestData.adminToken())
                .get(QuickWinResourceTest.base(region) + "?limit=1&dimension=GOVERNANCE&limit=2")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("limit"))
                .body("errors[0].message", equalTo("is given more than once; give it once"));
        // Encoded or not, it is the same name.
        given().auth()
                .oauth2(TestData.adminToken())
                .urlEncodingEnabled(false)
                .get("/api/v1/audit-events?limit=1&%6Cimit=2")
                .then()
                .statusCode(400)
                .body("errors.field", contains("limit"));
    }

    @Test
    void neverEchoesALongUnknownPropertyName() {
        String region = TestData.createRegion("Echo");
        String path = milestones(region, quickWin(region));
        String name = "x".repeat(2000);
        String detail = post(path, "{\"" + name + "\":1,\"title\":\"t\",\"weight\":1,\"dueDate\":\"2025-03-31\"}")
                .statusCode(400)
                .extract()
                .path("detail");
        assertTrue(detail.length() < 120, detail);
    }

    @Test
    void patchOfAQuickWinAnswersJsonForAcceptAnything() {
        String region = TestData.createRegion("Accept any");
        String id = quickWin(region);
        given().auth()
                .oauth2(TestData.adminToken())
                .accept("*/*")
                .contentType("application/merge-patch+json")
                .body("{\"title\":\"Mal Pelayanan Publik Purbalingga\"}")
                .patch(QuickWinResourceTest.base(region) + "/" + id)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("title", equalTo("Mal Pelayanan Publik Purbalingga"));
    }

    @Test
    void aRegionTheCallerCannotSeeIsNotFoundOnEveryPathUnderIt() {
        String region = TestData.createRegion("Hidden");
        String other = TestData.createRegion("Other");
        String token = Tokens.of("coordinator", other);
        for (String path : new String[] {
            "/quick-wins", "/stakeholders", "/fgd-sessions", "/readiness-assessments", "/readiness/trend", "/dashboard"
        }) {
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/regions/" + region + path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("detail", not(containsString("Hidden")));
        }
        given().auth()
                .oauth2(TestData.adminToken())
                .get("/api/v1/regions/00.00/stakeholders")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aRefusedCorsOriginGetsAProblem() {
        given().header("Origin", "https://evil.example")
                .get("/api/v1/dimensions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        given().header("Origin", "https://dashboard.smartcity.test")
                .auth()
                .oauth2(TestData.adminToken())
                .get("/api/v1/dimensions")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://dashboard.smartcity.test");
    }

    @Test
    void csvExportsNeutraliseFormulasAndTakeAbsentValues() {
        String region = TestData.createRegion("CSV");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "=HYPERLINK(\"http://evil.example\",\"klik\")", "kind", "COMMUNITY"))
                .post("/api/v1/regions/" + region + "/stakeholders")
                .then()
                .statusCode(201);
        String csv = given().auth()
                .oauth2(Tokens.of("viewer", region))
                .accept("text/csv")
                .get("/api/v1/regions/" + region + "/stakeholders")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\""), csv);
        assertTrue(!csv.contains("email"), csv);
        assertEquals(2, csv.split("\r\n").length, csv);
    }

    @Test
    void aStakeholderHasAnotherEntityTagWithoutPersonalData() {
        String region = TestData.createRegion("ETag");
        String id = given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Dinkominfo", "kind", "GOVERNMENT_AGENCY", "email", "dinkominfo@example.go.id"))
                .post("/api/v1/regions/" + region + "/stakeholders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String path = "/api/v1/regions/" + region + "/stakeholders/" + id;
        String full = given().auth()
                .oauth2(Tokens.of("coordinator", region))
                .get(path)
                .then()
                .statusCode(200)
                .header("Vary", containsString("Authorization"))
                .extract()
                .header("ETag");
        String redacted = given().auth()
                .oauth2(Tokens.of("viewer", region))
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertEquals("\"0\"", full);
        assertTrue(redacted.matches("\"[0-9a-f]{16}\""), redacted);
        given().auth()
                .oauth2(Tokens.of("viewer", region))
                .header("If-None-Match", full)
                .get(path)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.of("viewer", region))
                .header("If-None-Match", redacted)
                .get(path)
                .then()
                .statusCode(304);
    }

    private static byte[] bytes(String before, byte[] middle, String after) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(before.getBytes(StandardCharsets.UTF_8));
        out.write(middle);
        out.write(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static ValidatableResponse raw(String path, byte[] body) {
        return given().auth()
                .oauth2(TestData.adminToken())
                .contentType("application/json")
                .body(body)
                .post(path)
                .then();
    }
}
