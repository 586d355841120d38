package id.smartcity.readiness;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FrameworkResourceTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Test
    void theSeededFrameworksAreThere() {
        given().auth()
                .oauth2(Tokens.of(Roles.VIEWER, "33.03"))
                .get("/api/v1/assessment-frameworks/READINESS/versions/1")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("definition.pillars.code", contains("STRUKTUR", "INFRASTRUKTUR", "SUPRASTRUKTUR"))
                .body("definition.pillars[0].indicators.code", contains("SDM", "BIROKRASI", "ANGGARAN"))
                .body(
                        "definition.levelNames",
                        contains("Rintisan", "Terkelola", "Terdefinisi", "Terpadu dan Terukur", "Optimum"))
                .body("bands.predicate.id", contains("Kurang", "Cukup", "Baik", "Sangat Baik", "Memuaskan"))
                .body("bands[4].upperInclusive", equalTo(true))
                .body("bands[1].lowerBound", equalTo(1.8f))
                // The meaning it always had, now written down (V11): 1-5, one decimal, index half-up to 2.
                .body("definition.scale.min", equalTo(1.0f))
                .body("definition.scale.max", equalTo(5.0f))
                .body("definition.scale.decimals", equalTo(1))
                .body("definition.scale.index.decimals", equalTo(2))
                .body("definition.scale.index.rounding", equalTo("HALF_UP"))
                .body(
                        "definition.levels.name",
                        contains("Rintisan", "Terkelola", "Terdefinisi", "Terpadu dan Terukur", "Optimum"))
                .body("definition.levels.from", contains(1.0f, 2.0f, 3.0f, 4.0f, 5.0f))
                .body("definition.levels.to", contains(1.9f, 2.9f, 3.9f, 4.9f, 5.0f));
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .get("/api/v1/assessment-frameworks/NATIONAL_EVALUATION/versions/1")
                .then()
                .statusCode(200)
                .body("definition.pillars.code", contains("BASELINE", "OUTPUT", "OUTCOME", "IMPACT", "QUICK_WIN"))
                .body("definition.pillars.weight", contains(10, 20, 30, 30, 10))
                .body("definition.scale.decimals", equalTo(1));
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("code", "READINESS")
                .get("/api/v1/assessment-frameworks")
                .then()
                .body("items.version", hasItem(1));
    }

    @Test
    void adminAddsVersionsThatAreValidated() {
        String code = "TEST_FW_" + System.nanoTime() % 1_000_000 + "_" + NEXT.incrementAndGet();
        Map<String, Object> body = framework(code);
        given().auth()
                .oauth2(Tokens.of(Roles.COORDINATOR, "33.03"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/assessment-frameworks")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/assessment-frameworks")
                .then()
                .statusCode(201)
                .header(
                        "Location",
                        equalTo("http://localhost:" + RestAssured.port + "/api/v1/assessment-frameworks/" + code
                                + "/versions/1"))
                .body("version", equalTo(1))
                .body("inUse", equalTo(false));
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/assessment-frameworks")
                .then()
                .statusCode(201)
                .body("version", equalTo(2));

        invalid(
                code,
                d -> ((Map<String, Object>) ((List<?>) d.get("pillars")).get(0)).put("weight", 0),
                "definition.pillars[0].weight");
        invalid(
                code,
                d -> ((Map<String, Object>) ((List<?>) d.get("pillars")).get(1)).put("code", "A"),
                "definition.pillars[1].code");
        invalid(
                code,
                d -> d.put("bands", List.of(band("3.0", "Rendah"), band("4.9", "Tinggi"))),
                "definition.bands[1].upTo");
        invalid(
                code,
                d -> d.put("bands", List.of(band("3.0", "Rendah"), band("2.0", "Aneh"), band("5.0", "Tinggi"))),
                "definition.bands[1].upTo");
        invalid(code, d -> d.put("levelNames", List.of("1", "2", "3")), "definition.levelNames");
    }

    @Test
    void aVersionInUseNeverChanges() {
        String code = "TEST_USED_" + System.nanoTime() % 1_000_000 + "_" + NEXT.incrementAndGet();
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(framework(code))
                .post("/api/v1/assessment-frameworks")
                .then()
                .statusCode(201);
        Map<String, Object> corrected = framework(code);
        ((Map<String, Object>) corrected.get("name")).put("en", "Corrected");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(corrected)
                .put("/api/v1/assessment-frameworks/" + code + "/versions/1")
                .then()
                .statusCode(200)
                .body("name.en", equalTo("Corrected"));
        String region = TestData.createRegion("Kabupaten Kerangka");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("frameworkCode", code, "frameworkVersion", 1, "period", "2024"))
                .post("/api/v1/regions/" + region + "/readiness-assessments")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(framework(code))
                .put("/api/v1/assessment-frameworks/" + code + "/versions/1")
                .then()
                .statusCode(409)
                .body("detail", containsString("new version"));
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .get("/api/v1/assessment-frameworks/" + code + "/versions/1")
                .then()
                .body("inUse", equalTo(true));
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR))
                .queryParam("entityType", "FRAMEWORK_VERSION")
                .queryParam("entityId", code + "/1")
                .get("/api/v1/audit-events")
                .then()
                .body("items.action", contains("CREATE", "UPDATE"))
                .body("items[1].after.name.en", equalTo("Corrected"))
                .body("items[1].before.name.en", equalTo("Test"));
    }

    @SuppressWarnings("unchecked")
    private static void invalid(String code, java.util.function.Consumer<Map<String, Object>> breakIt, String field) {
        Map<String, Object> body = framework(code);
        breakIt.accept((Map<String, Object>) body.get("definition"));
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/assessment-frameworks")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(field));
    }

    static Map<String, Object> framework(String code) {
        List<String> levels = List.of("Satu", "Dua", "Tiga", "Empat", "Lima");
        Map<String, Object> definition = new HashMap<>();
        definition.put("levelNames", levels);
        definition.put(
                "pillars",
                List.of(
                        new HashMap<>(Map.of(
                                "code",
                                "A",
                                "name",
                                Map.of("id", "A", "en", "A"),
                                "weight",
                                2,
                                "indicators",
                                List.of(Map.of(
                                        "code",
                                        "A1",
                                        "name",
                                        Map.of("id", "A1", "en", "A1"),
                                        "weight",
                                        1,
                                        "levels",
                                        levels)))),
                        new HashMap<>(Map.of(
                                "code",
                                "B",
                                "name",
                                Map.of("id", "B", "en", "B"),
                                "weight",
                                0.5,
                                "indicators",
                                List.of(Map.of(
                                        "code",
                                        "B1",
                                        "name",
                                        Map.of("id", "B1", "en", "B1"),
                                        "weight",
                                        1,
                                        "levels",
                                        levels))))));
        definition.put("bands", List.of(band("3.0", "Rendah"), band("5.0", "Tinggi")));
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", new HashMap<>(Map.of("id", "Uji", "en", "Test")));
        body.put("definition", definition);
        return body;
    }

    static Map<String, Object> band(String upTo, String predicate) {
        return Map.of("upTo", new java.math.BigDecimal(upTo), "predicate", Map.of("id", predicate, "en", predicate));
    }
}
