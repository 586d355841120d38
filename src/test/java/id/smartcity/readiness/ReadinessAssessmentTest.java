package id.smartcity.readiness;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadinessAssessmentTest {

    /** Hand-picked scores: pillars 2.5, 3.5 and 2.0, so the index is 8/3. */
    static final Map<String, String> SCORES = new LinkedHashMap<>();

    static {
        SCORES.put("SDM", "3.0");
        SCORES.put("BIROKRASI", "2.5");
        SCORES.put("ANGGARAN", "2.0");
        SCORES.put("FISIK", "4.0");
        SCORES.put("DIGITAL", "3.5");
        SCORES.put("SOSIAL", "3.0");
        SCORES.put("KELEMBAGAAN", "2.0");
        SCORES.put("KEBIJAKAN_REGULASI", "2.5");
        SCORES.put("PENEGAKAN_HUKUM", "1.5");
    }

    private static String base(String region) {
        return "/api/v1/regions/" + region + "/readiness-assessments";
    }

    static String create(String region, String period, String token) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("frameworkCode", "READINESS", "frameworkVersion", 1, "period", period))
                .post(base(region))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static ValidatableResponse score(String region, String id, String indicator, String score, String token) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "score",
                        new BigDecimal(score),
                        "evidence",
                        "Dokumen Masterplan",
                        "links",
                        List.of("https://purbalinggakab.go.id/masterplan.pdf")))
                .put(base(region) + "/" + id + "/scores/" + indicator)
                .then();
    }

    static ValidatableResponse transition(String region, String id, String to, String reason, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
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

    @Test
    void scoreSubmitVerifyAndRecomputeTheIndexByHandFromTheResultAlone() {
        String region = TestData.createRegion("Kabupaten Kesiapan");
        String contributor = Tokens.user("dewi.kontributor")
                .roles(Roles.CONTRIBUTOR)
                .regions(region)
                .sign();
        String coordinator = Tokens.user("rina.koordinator")
                .roles(Roles.COORDINATOR)
                .regions(region)
                .sign();
        String auditor = Tokens.user("ani.auditor").roles(Roles.AUDITOR).sign();
        String id = create(region, "2024", contributor);

        SCORES.entrySet().stream()
                .skip(1)
                .forEach(e ->
                        score(region, id, e.getKey(), e.getValue(), contributor).statusCode(200));
        transition(region, id, "SUBMITTED", null, coordinator)
                .statusCode(422)
                .body("unscored", contains("SDM"))
                .body("detail", containsString("SDM"));
        given().auth()
                .oauth2(contributor)
                .get(base(region) + "/" + id + "/result")
                .then()
                .statusCode(200)
                .body("complete", equalTo(false))
                .body("index", nullValue())
                .body("scored", equalTo(8))
                .body("total", equalTo(9));
        score(region, id, "SDM", "3.0", contributor)
                .statusCode(200)
                .body("scored", equalTo(9))
                .body(
                        "scores.find { it.indicatorCode == 'SDM' }.links[0]",
                        equalTo("https://purbalinggakab.go.id/masterplan.pdf"));
        transition(region, id, "SUBMITTED", null, contributor).statusCode(403);
        transition(region, id, "SUBMITTED", null, coordinator)
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("submittedBy", equalTo(Tokens.subjectOf("rina.koordinator")));
        score(region, id, "SDM", "4.0", contributor).statusCode(409);
        transition(region, id, "VERIFIED", null, auditor)
                .statusCode(200)
                .body("status", equalTo("VERIFIED"))
                .body("verifiedBy", equalTo(Tokens.subjectOf("ani.auditor")));

        JsonPath result = given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, region))
                .get(base(region) + "/" + id + "/result")
                .then()
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("index.value", equalTo("2.67"))
                .body("index.exact", equalTo("2.66666666666666666667"))
                .body("band.predicate.id", equalTo("Baik"))
                .body("band.lowerBound", equalTo("2.6"))
                .body("band.upperBound", equalTo("3.5"))
                .body("pillars.code", contains("STRUKTUR", "INFRASTRUKTUR", "SUPRASTRUKTUR"))
                .body("pillars.score.value", contains("2.50", "3.50", "2.00"))
                .body("change", nullValue())
                .extract()
                .jsonPath();
        // By hand, from the body alone: index = Σ effectiveWeight × score over the indicators.
        BigDecimal index = BigDecimal.ZERO;
        for (Map<String, Object> pillar : result.<Map<String, Object>>getList("pillars")) {
            BigDecimal pillarWeightShare = new BigDecimal((String) pillar.get("normalisedWeight"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> indicators = (List<Map<String, Object>>) pillar.get("indicators");
            BigDecimal sumWeights = indicators.stream()
                    .map(i -> new BigDecimal((String) i.get("weight")))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            for (Map<String, Object> i : indicators) {
                BigDecimal share = new BigDecimal((String) i.get("weight")).divide(sumWeights, MathContext.DECIMAL128);
                index = index.add(pillarWeightShare.multiply(share).multiply(new BigDecimal((String) i.get("score"))));
            }
        }
        assertEquals("2.67", index.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());

        // Verified: immutable.
        transition(region, id, "DRAFT", "Revisi", coordinator).statusCode(409).body("allowed", empty());
        score(region, id, "SDM", "5.0", contributor).statusCode(409).body("detail", containsString("VERIFIED"));

        // A second verified assessment shows the change and the trend.
        String next = create(region, "2025", contributor);
        SCORES.forEach((k, v) -> score(region, next, k, k.equals("DIGITAL") ? "5.0" : v, contributor)
                .statusCode(200));
        transition(region, next, "SUBMITTED", null, coordinator).statusCode(200);
        transition(region, next, "VERIFIED", null, auditor).statusCode(200);
        given().auth()
                .oauth2(auditor)
                .get(base(region) + "/" + next + "/result")
                .then()
                .body("index.exact", equalTo("2.83333333333333333333"))
                .body("change.previousAssessmentId", equalTo(id))
                .body("change.previousPeriod", equalTo("2024"))
                .body("change.indexDelta.exact", equalTo("0.16666666666666666667"))
                .body("change.indexDelta.value", equalTo("0.17"))
                .body("change.pillars.find { it.code == 'INFRASTRUKTUR' }.delta.value", equalTo("0.50"));
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, region))
                .queryParam("framework", "READINESS")
                .get("/api/v1/regions/" + region + "/readiness/trend")
                .then()
                .statusCode(200)
                .body("items.period", contains("2024", "2025"))
                .body("items.index.value", contains("2.67", "2.83"))
                .body("items[1].pillars.find { it.code == 'INFRASTRUKTUR' }.score.value", equalTo("4.00"));

        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("entityId", id)
                .queryParam("limit", 100)
                .get("/api/v1/audit-events")
                .then()
                .body("items.action", hasSize(1 + 8 + 1 + 1 + 1))
                .body("items.findAll { it.action == 'SCORE' }.size()", equalTo(9))
                .body("items.findAll { it.action == 'VERIFY' }[0].after.status", equalTo("VERIFIED"));
    }

    @Test
    void fourEyesTheSubmitterCannotVerify() {
        String region = TestData.createRegion("Kabupaten Empat Mata");
        String both = Tokens.user("budi.ganda")
                .roles(Roles.COORDINATOR, Roles.AUDITOR)
                .regions(region)
                .sign();
        String id = create(region, "2024", both);
        SCORES.forEach((k, v) -> score(region, id, k, v, both).statusCode(200));
        transition(region, id, "SUBMITTED", null, both).statusCode(200);
        transition(region, id, "VERIFIED", null, both)
                .statusCode(403)
                .body("type", equalTo("urn:smartcity:problem:forbidden"))
                .body("detail", containsString("Four eyes"));
        transition(region, id, "VERIFIED", null, Tokens.of(Roles.COORDINATOR, region))
                .statusCode(403);
        // Sent back to DRAFT: a reason is required.
        transition(region, id, "DRAFT", null, both)
                .statusCode(422)
                .body("type", equalTo("urn:smartcity:problem:business-rule"))
                .body("errors[0].field", equalTo("reason"));
        transition(region, id, "DRAFT", "Bukti anggaran kurang", both)
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("statusReason", equalTo("Bukti anggaran kurang"))
                .body("submittedBy", nullValue());
        transition(region, id, "VERIFIED", null, Tokens.of(Roles.AUDITOR))
                .statusCode(409)
                .body("allowed", contains("SUBMITTED"));
    }

    @Test
    void scoresAreValidatedAndIndicatorsMustExist() {
        String region = TestData.createRegion("Kabupaten Skor");
        String token = Tokens.of(Roles.CONTRIBUTOR, region);
        String id = create(region, "2024", token);
        for (String bad : List.of("5.5", "0.9", "3.25")) {
            score(region, id, "SDM", bad, token).statusCode(400).body("errors[0].field", equalTo("score"));
        }
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("score", 3, "links", List.of("https://ok.example/a", "ftp://files.example/b")))
                .put(base(region) + "/" + id + "/scores/SDM")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("links[1]"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("score", 3))
                .put(base(region) + "/" + id + "/scores/HAPPINESS")
                .then()
                .statusCode(404)
                .body("detail", containsString("HAPPINESS"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("frameworkCode", "READINESS", "frameworkVersion", 1, "period", "2024"))
                .post(base(region))
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("frameworkCode", "READINESS", "frameworkVersion", 1, "period", "24"))
                .post(base(region))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("frameworkCode", "READINESS", "frameworkVersion", 99, "period", "2026"))
                .post(base(region))
                .then()
                .statusCode(404);
        // A whole-number score is a fine one-decimal score; removing it works too.
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("score", 4))
                .put(base(region) + "/" + id + "/scores/SDM")
                .then()
                .statusCode(200)
                .body("scores[0].score", equalTo(4.0f));
        given().auth()
                .oauth2(token)
                .delete(base(region) + "/" + id + "/scores/SDM")
                .then()
                .statusCode(200)
                .body("scores", empty());
    }

    @Test
    void resultCsvHasOneRowPerIndicatorAndTheIndex() {
        String region = TestData.createRegion("Kabupaten Hasil");
        String token = Tokens.of(Roles.COORDINATOR, region);
        String id = create(region, "2024", token);
        SCORES.forEach((k, v) -> score(region, id, k, v, token).statusCode(200));
        String csv = given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .accept("text/csv")
                .get(base(region) + "/" + id + "/result")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertEquals(11, lines.length, csv);
        assertTrue(lines[1].startsWith("\"STRUKTUR\",\"1\",\"0.33333333333333333333\",\"SDM\""), lines[1]);
        assertTrue(lines[10].startsWith("\"INDEX\",,,,,,,,\"2.67\",\"2.66666666666666666667\""), lines[10]);
    }

    @Test
    void anotherRegionsUserGets404ByIdAndOnItsLists() {
        String region = TestData.createRegion("Kabupaten Nilai Tertutup");
        String other = TestData.createRegion("Kabupaten Nilai Luar");
        String id = create(region, "2024", TestData.adminToken());
        String outsider = Tokens.of(Roles.COORDINATOR, other);
        given().auth().oauth2(outsider).get(base(region) + "/" + id).then().statusCode(404);
        given().auth()
                .oauth2(outsider)
                .get(base(region) + "/" + id + "/result")
                .then()
                .statusCode(404);
        score(region, id, "SDM", "3.0", outsider).statusCode(404);
        transition(region, id, "SUBMITTED", null, outsider).statusCode(404);
        given().auth()
                .oauth2(outsider)
                .get(base(region))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(outsider)
                .queryParam("framework", "READINESS")
                .get("/api/v1/regions/" + region + "/readiness/trend")
                .then()
                .statusCode(404)
                .body("status", equalTo(404));
        given().auth()
                .oauth2(TestData.adminToken())
                .get(base(region))
                .then()
                .body("items.status", everyItem(equalTo("DRAFT")));
    }
}
