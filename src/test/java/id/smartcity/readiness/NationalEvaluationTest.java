package id.smartcity.readiness;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The national evaluation as it is published (issue #21): components on 0-5 with two decimals,
 * weights of the year's guideline, the index shown to two decimals under the publication's rule.
 *
 * <p>The published case: Kota Kediri's 2022 index 3.31 on the 0-5 scale and the weights baseline
 * 10, output 20, outcome 30, impact 30, quick win 10 come from the source (the seed case). The five
 * component figures are illustrative: chosen so that the arithmetic gives that index, not taken
 * from any publication.
 */
@QuarkusTest
class NationalEvaluationTest {

    private static final List<Integer> GUIDELINE = List.of(10, 20, 30, 30, 10);

    /** Illustrative components: (10×3.45 + 20×3.27 + 30×3.31 + 30×3.32 + 10×3.26) / 100 = 331.4 / 100. */
    private static final List<String> KEDIRI_HALF_UP = List.of("3.45", "3.27", "3.31", "3.32", "3.26");

    /** Illustrative components: (10×3.45 + 20×3.27 + 30×3.31 + 30×3.36 + 10×3.18) / 100 = 331.8 / 100. */
    private static final List<String> KEDIRI_TRUNCATED = List.of("3.45", "3.27", "3.31", "3.36", "3.18");

    /** (10×3.30 + 20×3.30 + 30×3.30 + 30×3.31 + 10×3.32) / 100 = 330.5 / 100: a tie at two decimals. */
    private static final List<String> TIE = List.of("3.30", "3.30", "3.30", "3.31", "3.32");

    /** The weighted mean by hand, exact. */
    private static BigDecimal byHand(List<Integer> weights, List<String> scores) {
        BigDecimal sum = BigDecimal.ZERO;
        int total = 0;
        for (int k = 0; k < 5; k++) {
            sum = sum.add(new BigDecimal(scores.get(k)).multiply(BigDecimal.valueOf(weights.get(k))));
            total += weights.get(k);
        }
        return sum.divide(BigDecimal.valueOf(total));
    }

    @Test
    void theSeededGuidelineVersionReproducesThePublishedIndex() {
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, "33.03"))
                .get("/api/v1/assessment-frameworks/NATIONAL_EVALUATION/versions/2")
                .then()
                .statusCode(200)
                .body("definition.scale.min", equalTo(0))
                .body("definition.scale.max", equalTo(5))
                .body("definition.scale.decimals", equalTo(2))
                .body("definition.scale.index.decimals", equalTo(2))
                .body("definition.scale.index.rounding", equalTo("HALF_UP"))
                .body("definition.levels", empty())
                .body("definition.pillars.code", contains("BASELINE", "OUTPUT", "OUTCOME", "IMPACT", "QUICK_WIN"))
                .body("definition.pillars.weight", contains(10, 20, 30, 30, 10))
                .body("bands[0].lowerBound", equalTo(0))
                .body("bands[4].upperBound", equalTo(5.0f));
        String region = TestData.createRegion("Kota Kediri Contoh");
        String contributor = Tokens.of(Roles.CONTRIBUTOR, region);
        String id = National.assessment(region, 2, "2022", contributor);
        National.scoreAll(region, id, KEDIRI_HALF_UP, contributor);

        assertEquals("3.314", byHand(GUIDELINE, KEDIRI_HALF_UP).toPlainString());
        National.result(region, id)
                .body("index.exact", equalTo("3.314"))
                .body("shownIndex.exact", equalTo("3.314"))
                .body("shownIndex.value", equalTo("3.31"))
                .body("shownIndex.decimals", equalTo(2))
                .body("shownIndex.rounding", equalTo("HALF_UP"))
                .body("shownIndex.explanation", equalTo("3.314 rounded HALF_UP to 2 decimals is 3.31"))
                .body("scale.decimals", equalTo(2))
                .body("pillars.normalisedWeight", contains("0.1", "0.2", "0.3", "0.3", "0.1"))
                .body("pillars[3].indicators[0].score", equalTo("3.32"))
                .body("method", containsString("rounded HALF_UP to 2 decimals"));
    }

    @Test
    void aTruncatedPublicationIsReproducedUnderDownAndEachRuleShowsTheIndexItsWay() {
        String region = TestData.createRegion("Kota Pembulatan");
        String contributor = Tokens.of(Roles.CONTRIBUTOR, region);
        Map<String, String> tieShown = Map.of("HALF_UP", "3.31", "HALF_EVEN", "3.30", "DOWN", "3.30");
        Map<String, String> truncatedShown = Map.of("HALF_UP", "3.32", "HALF_EVEN", "3.32", "DOWN", "3.31");
        int period = 2010;
        for (String rule : List.of("HALF_UP", "HALF_EVEN", "DOWN")) {
            int version = National.version(GUIDELINE, rule);
            String tie = National.assessment(region, version, "" + period++, contributor);
            National.scoreAll(region, tie, TIE, contributor);
            BigDecimal exact = byHand(GUIDELINE, TIE);
            assertEquals("3.305", exact.toPlainString());
            National.result(region, tie)
                    .body("index.exact", equalTo("3.305"))
                    .body("index.value", equalTo("3.31")) // always half-up to two decimals, as in v1.0
                    .body("shownIndex.value", equalTo(tieShown.get(rule)))
                    .body("shownIndex.rounding", equalTo(rule));
            assertEquals(
                    tieShown.get(rule),
                    exact.setScale(2, RoundingMode.valueOf(rule)).toPlainString(),
                    "by hand, " + rule);

            String published = National.assessment(region, version, "" + period++, contributor);
            National.scoreAll(region, published, KEDIRI_TRUNCATED, contributor);
            assertEquals("3.318", byHand(GUIDELINE, KEDIRI_TRUNCATED).toPlainString());
            National.result(region, published)
                    .body("index.exact", equalTo("3.318"))
                    .body("shownIndex.value", equalTo(truncatedShown.get(rule)))
                    .body(
                            "shownIndex.explanation",
                            equalTo("3.318 rounded " + rule + " to 2 decimals is " + truncatedShown.get(rule)));
        }
    }

    @Test
    void scoresAreCheckedAgainstTheirFrameworkVersion() {
        String region = TestData.createRegion("Kota Skala");
        String contributor = Tokens.of(Roles.CONTRIBUTOR, region);
        String id = National.assessment(region, 2, "2024", contributor);
        National.score(region, id, "BASELINE_SCORE", "0", contributor).statusCode(200);
        National.score(region, id, "OUTPUT_SCORE", "5.00", contributor).statusCode(200);
        National.score(region, id, "OUTCOME_SCORE", "4.99", contributor).statusCode(200);
        National.score(region, id, "IMPACT_SCORE", "3.21", contributor).statusCode(200);
        National.score(region, id, "QUICK_WIN_SCORE", "5.01", contributor)
                .statusCode(400)
                .body("type", equalTo("urn:smartcity:problem:validation"))
                .body("errors[0].field", equalTo("score"))
                .body("errors[0].message", containsString("indicator QUICK_WIN_SCORE"))
                .body("errors[0].message", containsString("5.01 is above 5"))
                .body("errors[0].message", containsString("at most 2 decimals on a 0–5 scale"));
        National.score(region, id, "QUICK_WIN_SCORE", "3.215", contributor)
                .statusCode(400)
                .body("errors[0].message", containsString("indicator QUICK_WIN_SCORE"))
                .body("errors[0].message", containsString("at most 2 decimals on a 0–5 scale"))
                .body("detail", containsString("QUICK_WIN_SCORE"));
        National.result(region, id)
                .body("scored", equalTo(4))
                .body("pillars[0].indicators[0].score", equalTo("0.00"))
                .body("pillars[1].indicators[0].score", equalTo("5.00"))
                .body("pillars[2].indicators[0].score", equalTo("4.99"));

        // The seed's readiness framework keeps its rule: 1-5 with one decimal.
        String readiness = ReadinessAssessmentTest.create(region, "2024", contributor);
        for (String bad : List.of("3.21", "0", "0.5")) {
            ReadinessAssessmentTest.score(region, readiness, "SDM", bad, contributor)
                    .statusCode(400)
                    .body("errors[0].field", equalTo("score"))
                    .body("errors[0].message", containsString("indicator SDM"))
                    .body("errors[0].message", containsString("at most 1 decimal on a 1–5 scale"));
        }
        ReadinessAssessmentTest.score(region, readiness, "SDM", "3.20", contributor)
                .statusCode(200)
                .body("scores[0].score", equalTo(3.2f));
    }

    @Test
    void aVersionDefinesItsScaleAndBandsAndLevelsAreCheckedAgainstIt() {
        Map<String, Object> body = FrameworkResourceTest.framework("TEST_SCALE_" + System.nanoTime() % 1_000_000);
        @SuppressWarnings("unchecked")
        Map<String, Object> d = (Map<String, Object>) body.get("definition");
        d.put("scale", National.scale("0", "100", 0, 1, "DOWN"));
        d.put("levelNames", List.of());
        d.put(
                "levels",
                List.of(
                        Map.of("name", "Rendah", "from", 0, "to", 49),
                        Map.of("name", "Sedang", "from", 50, "to", 79),
                        Map.of("name", "Tinggi", "from", 80, "to", 100)));
        d.put("bands", List.of(National.band("0.5", "Sangat rendah"), National.band("100", "Lainnya")));
        setIndicatorLevels(d, List.of("r", "s", "t"));
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/assessment-frameworks")
                .then()
                .statusCode(201)
                .body("definition.scale.max", equalTo(100))
                .body("definition.levelNames", contains("Rendah", "Sedang", "Tinggi"))
                .body("definition.levels[1].from", equalTo(50))
                .body("bands[0].lowerBound", equalTo(0))
                .body("bands[0].upperBound", equalTo(0.5f));

        d.put("bands", List.of(National.band("50", "Rendah"), National.band("5", "Tinggi")));
        refused(body, "definition.bands[1].upTo", "must be above 50");
        d.put("bands", List.of(National.band("50", "Rendah"), National.band("99", "Tinggi")));
        refused(body, "definition.bands[1].upTo", "must be 100: the last band covers the top of the scale");
        d.put("bands", List.of(National.band("100", "Semua")));
        d.put("levels", List.of(Map.of("name", "A", "from", 0, "to", 60), Map.of("name", "B", "from", 60, "to", 101)));
        setIndicatorLevels(d, List.of("a", "b"));
        refused(body, "definition.levels[1].from", "levels go up in order and do not overlap");
        d.put("levels", List.of(Map.of("name", "A", "from", 0, "to", 49.5)));
        setIndicatorLevels(d, List.of("a", "b"));
        refused(body, "definition.levels[0]", "at most 0 decimals");
        refused(body, "definition.pillars[0].indicators[0].levels", "must describe each of the 1 levels");
        d.put("levels", List.of());
        d.put("scale", National.scale("5", "5", 0, 1, "DOWN"));
        setIndicatorLevels(d, List.of());
        refused(body, "definition.scale.max", "must be above min 5");
        d.put("scale", Map.of("min", 0, "max", 5, "decimals", 5));
        refused(body, "definition.scale.decimals", "must be less than or equal to 4");
    }

    @Test
    void theChangeSinceTheLastVerifiedPeriodIsFlaggedWhenTheWeightsDiffer() {
        String region = TestData.createRegion("Kota Perubahan");
        String contributor = Tokens.of(Roles.CONTRIBUTOR, region);
        String y2022 = National.assessment(region, 2, "2022", contributor);
        National.scoreAll(region, y2022, KEDIRI_HALF_UP, contributor);
        National.verify(region, y2022);
        List<Integer> equal = List.of(20, 20, 20, 20, 20);
        int next = National.version(equal, "HALF_UP");
        String y2023 = National.assessment(region, next, "2023", contributor);
        List<String> scores2023 = List.of("3.50", "3.40", "3.30", "3.20", "3.10");
        National.scoreAll(region, y2023, scores2023, contributor);
        National.verify(region, y2023);
        // 3.30 − 3.314 = −0.014; outcome 3.30 − 3.31 = −0.01
        BigDecimal delta = byHand(equal, scores2023).subtract(byHand(GUIDELINE, KEDIRI_HALF_UP));
        assertEquals("-0.014", delta.toPlainString());
        National.result(region, y2023)
                .body("change.previousAssessmentId", equalTo(y2022))
                .body("change.previousFrameworkVersion", equalTo(2))
                .body("change.indexDelta.exact", equalTo("-0.014"))
                .body("change.previousIndex.exact", equalTo("3.314"))
                .body("change.pillars.find { it.code == 'OUTCOME' }.delta.exact", equalTo("-0.01"))
                .body("change.frameworkVersionChanged", equalTo(true))
                .body("change.weightsChanged", equalTo(true))
                .body("change.note", containsString("NATIONAL_EVALUATION/2"))
                .body("change.note", containsString("the weights differ"));
        String y2024 = National.assessment(region, next, "2024", contributor);
        National.scoreAll(region, y2024, scores2023, contributor);
        National.verify(region, y2024);
        National.result(region, y2024)
                .body("change.previousPeriod", equalTo("2023"))
                .body("change.indexDelta.exact", equalTo("0"))
                .body("change.frameworkVersionChanged", equalTo(false))
                .body("change.weightsChanged", equalTo(false))
                .body("change.note", nullValue());
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, region))
                .queryParam("framework", National.CODE)
                .get("/api/v1/regions/" + region + "/readiness/trend")
                .then()
                .body("items.frameworkVersion", hasItem(2))
                .body("items.index.exact", contains("3.314", "3.3", "3.3"));
    }

    /** Two pillars of one indicator each, every indicator describing the given levels. */
    private static void setIndicatorLevels(Map<String, Object> d, List<String> levels) {
        List<Map<String, Object>> pillars = new java.util.ArrayList<>();
        for (String code : List.of("A", "B")) {
            pillars.add(Map.of(
                    "code",
                    code,
                    "name",
                    Map.of("id", code, "en", code),
                    "weight",
                    1,
                    "indicators",
                    List.of(Map.of(
                            "code",
                            code + "1",
                            "name",
                            Map.of("id", code, "en", code),
                            "weight",
                            1,
                            "levels",
                            levels))));
        }
        d.put("pillars", pillars);
    }

    private static void refused(Map<String, Object> body, String field, String message) {
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/assessment-frameworks")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:smartcity:problem:validation"))
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message));
    }
}
