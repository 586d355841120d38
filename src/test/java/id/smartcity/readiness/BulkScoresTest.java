package id.smartcity.readiness;

import static id.smartcity.readiness.National.base;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PUT .../scores: every score at once, from JSON or CSV, all or nothing, one audit event (issue #21). */
@QuarkusTest
class BulkScoresTest {

    private static ValidatableResponse put(String region, String id, String token, String etag, Object body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.put(base(region) + "/" + id + "/scores").then();
    }

    private static ValidatableResponse putCsv(String region, String id, String token, String csv) {
        return given().auth()
                .oauth2(token)
                .contentType("text/csv")
                .body(csv)
                .put(base(region) + "/" + id + "/scores")
                .then();
    }

    private static Map<String, Object> entry(String indicator, String score, String evidence) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("indicatorCode", indicator);
        e.put("score", new BigDecimal(score));
        if (evidence != null) {
            e.put("evidence", evidence);
        }
        return e;
    }

    private static Map<String, Object> national(List<String> scores) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int k = 0; k < scores.size(); k++) {
            entries.add(entry(National.COMPONENTS.get(k), scores.get(k), "Laporan " + k));
        }
        return Map.of("scores", entries);
    }

    @Test
    void allOrNothingWithOneAuditEventListingEveryChange() {
        String region = TestData.createRegion("Kota Massal");
        String contributor = Tokens.of(Roles.CONTRIBUTOR, region);
        String id = National.assessment(region, 2, "2024", contributor);
        Map<String, Object> bad = Map.of(
                "scores",
                List.of(
                        entry("BASELINE_SCORE", "3.45", null),
                        entry("OUTPUT_SCORE", "5.01", null),
                        entry("HAPPINESS", "3", null),
                        entry("IMPACT_SCORE", "3.215", null),
                        entry("BASELINE_SCORE", "3.00", null)));
        put(region, id, contributor, "\"0\"", bad)
                .statusCode(400)
                .body("type", equalTo("urn:smartcity:problem:validation"))
                .body(
                        "errors.field",
                        contains(
                                "scores[1].score",
                                "scores[2].indicatorCode",
                                "scores[3].score",
                                "scores[4].indicatorCode"))
                .body("errors[0].message", containsString("indicator OUTPUT_SCORE: 5.01 is above 5"))
                .body("errors[1].message", containsString("HAPPINESS is not in NATIONAL_EVALUATION/2"))
                .body("errors[2].message", containsString("at most 2 decimals on a 0–5 scale"))
                .body("errors[3].message", containsString("listed twice"));
        given().auth()
                .oauth2(contributor)
                .get(base(region) + "/" + id)
                .then()
                .header("ETag", equalTo("\"0\""))
                .body("scores", empty());

        put(region, id, contributor, "\"0\"", national(List.of("3.45", "3.27", "3.31", "3.32", "3.26")))
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("scored", equalTo(5));
        National.result(region, id).body("index.exact", equalTo("3.314")).body("shownIndex.value", equalTo("3.31"));
        put(region, id, contributor, "\"0\"", national(List.of("1", "1", "1", "1", "1")))
                .statusCode(412);
        // The same scores again change nothing: no new version, no event.
        put(region, id, contributor, "\"1\"", national(List.of("3.45", "3.27", "3.31", "3.32", "3.26")))
                .statusCode(200)
                .header("ETag", equalTo("\"1\""));
        // Quick win left out: unscored; outcome changed.
        put(region, id, contributor, null, national(List.of("3.45", "3.27", "3.50", "3.32")))
                .statusCode(200)
                .body("scored", equalTo(4))
                .body("scores.find { it.indicatorCode == 'OUTCOME_SCORE' }.score", equalTo(3.5f));
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("entityId", id)
                .queryParam("limit", 100)
                .get("/api/v1/audit-events")
                .then()
                .body("items.action", contains("CREATE", "SCORE", "SCORE"))
                .body("items[1].before.OUTCOME_SCORE", nullValue())
                .body("items[1].after.OUTCOME_SCORE.score", equalTo("3.31"))
                .body("items[1].after.QUICK_WIN_SCORE.evidence", equalTo("Laporan 4"))
                .body(
                        "items[1].after.keySet()",
                        contains("BASELINE_SCORE", "IMPACT_SCORE", "OUTCOME_SCORE", "OUTPUT_SCORE", "QUICK_WIN_SCORE"))
                .body("items[2].before.keySet()", contains("OUTCOME_SCORE", "QUICK_WIN_SCORE"))
                .body("items[2].before.QUICK_WIN_SCORE.score", equalTo("3.26"))
                .body("items[2].after.QUICK_WIN_SCORE", nullValue())
                .body("items[2].after.OUTCOME_SCORE.score", equalTo("3.50"));

        put(region, id, Tokens.of(Roles.VIEWER, region), null, national(List.of("1")))
                .statusCode(403);
        String other = TestData.createRegion("Kota Massal Lain");
        put(region, id, Tokens.of(Roles.CONTRIBUTOR, other), null, national(List.of("1")))
                .statusCode(404);
        put(region, id, contributor, null, Map.of("scores", List.of(Map.of("indicatorCode", "BASELINE_SCORE"))))
                .statusCode(400)
                .body("errors[0].field", equalTo("scores[0].score"));
    }

    @Test
    void theResultsCsvExportReadsBackAsTheSameScores() {
        String region = TestData.createRegion("Kabupaten Ekspor");
        String coordinator = Tokens.of(Roles.COORDINATOR, region);
        String from = ReadinessAssessmentTest.create(region, "2024", coordinator);
        List<Map<String, Object>> entries = new ArrayList<>();
        ReadinessAssessmentTest.SCORES.forEach((code, score) -> entries.add(entry(code, score, null)));
        entries.get(0).put("evidence", "=HYPERLINK(\"x\"), \"kutipan\"\nbaris kedua");
        entries.get(1).put("evidence", "-catatan");
        entries.get(1)
                .put("links", List.of("https://purbalinggakab.go.id/a.pdf", "https://purbalinggakab.go.id/b.pdf"));
        entries.remove(8); // PENEGAKAN_HUKUM stays unscored
        put(region, from, coordinator, null, Map.of("scores", entries))
                .statusCode(200)
                .body("scored", equalTo(8));
        String csv = given().auth()
                .oauth2(coordinator)
                .accept("text/csv")
                .get(base(region) + "/" + from + "/result")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        String to = ReadinessAssessmentTest.create(region, "2025", coordinator);
        putCsv(region, to, coordinator, csv).statusCode(200).body("scored", equalTo(8));
        String again = given().auth()
                .oauth2(coordinator)
                .accept("text/csv")
                .get(base(region) + "/" + to + "/result")
                .then()
                .extract()
                .asString();
        assertEquals(csv, again);
        given().auth()
                .oauth2(coordinator)
                .get(base(region) + "/" + to)
                .then()
                .body(
                        "scores.find { it.indicatorCode == 'SDM' }.evidence",
                        equalTo(entries.get(0).get("evidence")))
                .body("scores.find { it.indicatorCode == 'BIROKRASI' }.evidence", equalTo("-catatan"))
                .body(
                        "scores.find { it.indicatorCode == 'BIROKRASI' }.links[1]",
                        equalTo("https://purbalinggakab.go.id/b.pdf"));
    }

    @Test
    void aCsvProblemNamesEveryBadLine() {
        String region = TestData.createRegion("Kota Baris");
        String contributor = Tokens.of(Roles.CONTRIBUTOR, region);
        String id = National.assessment(region, 2, "2024", contributor);
        String csv = "indicator,score,evidence\r\n"
                + "OUTCOME_SCORE,3.215,Laporan\r\n"
                + ",3.00,\r\n"
                + "HAPPINESS,2,\r\n"
                + "IMPACT_SCORE,tiga,\r\n"
                + "OUTPUT_SCORE,,bukti tanpa nilai\r\n"
                + "BASELINE_SCORE,4.99,Laporan\r\n";
        putCsv(region, id, contributor, csv)
                .statusCode(400)
                .body(
                        "errors.field",
                        contains(
                                "line 2.score",
                                "line 3.indicator",
                                "line 4.indicatorCode",
                                "line 5.score",
                                "line 6.score"))
                .body("errors[0].message", containsString("indicator OUTCOME_SCORE"))
                .body("errors[0].message", containsString("at most 2 decimals on a 0–5 scale"))
                .body("errors[3].message", containsString("must be a decimal number"));
        putCsv(region, id, contributor, "kode,nilai\r\nX,1\r\n")
                .statusCode(400)
                .body("errors[0].field", equalTo("line 1"));
        putCsv(region, id, contributor, "indicator,score\nBASELINE_SCORE,0\nOUTPUT_SCORE,5.00\nOUTCOME_SCORE,4.99\n")
                .statusCode(200)
                .body("scored", equalTo(3));
        National.result(region, id)
                .body("pillars[0].indicators[0].score", equalTo("0.00"))
                .body("pillars[1].indicators[0].score", equalTo("5.00"))
                .body("pillars[2].indicators[0].score", equalTo("4.99"));
    }
}
