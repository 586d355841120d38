package id.smartcity.readiness;

import static io.restassured.RestAssured.given;

import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The national evaluation through the API: versions, assessments, scores (shared by the tests). */
final class National {

    static final String CODE = "NATIONAL_EVALUATION";
    static final List<String> COMPONENTS =
            List.of("BASELINE_SCORE", "OUTPUT_SCORE", "OUTCOME_SCORE", "IMPACT_SCORE", "QUICK_WIN_SCORE");
    static final List<String> PILLARS = List.of("BASELINE", "OUTPUT", "OUTCOME", "IMPACT", "QUICK_WIN");

    private National() {}

    static String base(String region) {
        return "/api/v1/regions/" + region + "/readiness-assessments";
    }

    /** A new version of the national framework on 0-5 with two decimals; its version number. */
    static int version(List<Integer> weights, String rounding) {
        List<Map<String, Object>> pillars = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            pillars.add(Map.of(
                    "code",
                    PILLARS.get(k),
                    "name",
                    Map.of("id", PILLARS.get(k), "en", PILLARS.get(k)),
                    "weight",
                    weights.get(k),
                    "indicators",
                    List.of(Map.of(
                            "code",
                            COMPONENTS.get(k),
                            "name",
                            Map.of("id", COMPONENTS.get(k), "en", COMPONENTS.get(k)),
                            "weight",
                            1,
                            "levels",
                            List.of()))));
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("scale", scale("0", "5", 2, 2, rounding));
        definition.put("levels", List.of());
        definition.put("levelNames", List.of());
        definition.put("pillars", pillars);
        definition.put(
                "bands",
                List.of(
                        band("1.8", "Kurang"),
                        band("2.6", "Cukup"),
                        band("3.5", "Baik"),
                        band("4.2", "Sangat Baik"),
                        band("5", "Memuaskan")));
        return given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        CODE,
                        "name",
                        Map.of("id", "Evaluasi nasional", "en", "National evaluation"),
                        "definition",
                        definition))
                .post("/api/v1/assessment-frameworks")
                .then()
                .statusCode(201)
                .extract()
                .path("version");
    }

    static Map<String, Object> scale(String min, String max, int decimals, int indexDecimals, String rounding) {
        return Map.of(
                "min",
                new BigDecimal(min),
                "max",
                new BigDecimal(max),
                "decimals",
                decimals,
                "index",
                Map.of("decimals", indexDecimals, "rounding", rounding));
    }

    static Map<String, Object> band(String upTo, String predicate) {
        return Map.of("upTo", new BigDecimal(upTo), "predicate", Map.of("id", predicate, "en", predicate));
    }

    static String assessment(String region, int version, String period, String token) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("frameworkCode", CODE, "frameworkVersion", version, "period", period))
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
                .body(Map.of("score", new BigDecimal(score), "evidence", "Laporan evaluasi"))
                .put(base(region) + "/" + id + "/scores/" + indicator)
                .then();
    }

    /** The five components in order, each through its own PUT. */
    static void scoreAll(String region, String id, List<String> scores, String token) {
        for (int k = 0; k < 5; k++) {
            score(region, id, COMPONENTS.get(k), scores.get(k), token).statusCode(200);
        }
    }

    static ValidatableResponse result(String region, String id) {
        return given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, region))
                .get(base(region) + "/" + id + "/result")
                .then()
                .statusCode(200);
    }

    /** Submitted by a coordinator of the region, verified by an auditor. */
    static void verify(String region, String id) {
        String coordinator = Tokens.user("rina.koordinator")
                .roles(Roles.COORDINATOR)
                .regions(region)
                .sign();
        String auditor = Tokens.user("ani.auditor").roles(Roles.AUDITOR).sign();
        ReadinessAssessmentTest.transition(region, id, "SUBMITTED", null, coordinator)
                .statusCode(200);
        ReadinessAssessmentTest.transition(region, id, "VERIFIED", null, auditor)
                .statusCode(200);
    }
}
