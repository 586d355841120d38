package id.smartcity.readiness;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.smartcity.demo.DemoData;
import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The seed's readiness assessments (the Purbalingga demo: 2024 verified, 2025 draft) answer as they
 * did before scales became data (issue #21): the same ETags, and every field of the assessments,
 * results and CSV exports that the golden file holds has the same value. The golden file was written
 * by this test on the code before the change ({@code -Dgolden.update=true}); fields added since
 * (new response fields) are allowed, changed or removed ones are not. Timestamps are left out: the
 * demo data is loaded with the time of the run.
 */
@QuarkusTest
class SeedResultsUnchangedTest {

    private static final Path GOLDEN = Path.of("src/test/resources/readiness/seed-results-golden.json");
    private static final Set<String> VOLATILE = Set.of("createdAt", "updatedAt");
    /** Decimals as written, so that 3.0 and 3.00 differ. */
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Inject
    DemoData demo;

    @Test
    void theSeedsAssessmentsAnswerAsBeforeTheMigration() throws Exception {
        demo.load();
        String viewer = Tokens.of(Roles.VIEWER, "33.03");
        ObjectNode actual = JSON.createObjectNode();
        for (String period : new String[] {"2024", "2025"}) {
            String id = UUID.nameUUIDFromBytes(("demo-readiness-" + period).getBytes(StandardCharsets.UTF_8))
                    .toString();
            String base = "/api/v1/regions/33.03/readiness-assessments/" + id;
            Response assessment = given().auth().oauth2(viewer).get(base);
            assertEquals(200, assessment.statusCode());
            actual.put(period + ".etag", assessment.header("ETag"));
            actual.set(period + ".assessment", JSON.readTree(assessment.asString()));
            Response result = given().auth().oauth2(viewer).get(base + "/result");
            assertEquals(200, result.statusCode());
            actual.set(period + ".result", JSON.readTree(result.asString()));
            String csv = given().auth()
                    .oauth2(viewer)
                    .accept("text/csv")
                    .get(base + "/result")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            actual.set(period + ".csv", JSON.valueToTree(csv.split("\r\n")));
        }
        for (String fw : new String[] {"READINESS", "NATIONAL_EVALUATION"}) {
            Response f = given().auth().oauth2(viewer).get("/api/v1/assessment-frameworks/" + fw + "/versions/1");
            assertEquals(200, f.statusCode());
            actual.put(fw + ".etag", f.header("ETag"));
        }
        strip(actual);
        if (Boolean.getBoolean("golden.update") || !Files.exists(GOLDEN)) {
            Files.writeString(GOLDEN, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
            if (!Boolean.getBoolean("golden.update")) {
                fail("No golden file: written " + GOLDEN + "; review and commit it");
            }
            return;
        }
        JsonNode golden = JSON.readTree(Files.readString(GOLDEN));
        contains(golden, actual, "");
    }

    /** Every value of the golden document is in the actual one, at the same place. */
    private static void contains(JsonNode golden, JsonNode actual, String at) {
        if (golden.isObject()) {
            assertTrue(actual != null && actual.isObject(), at + " is an object");
            for (Iterator<Map.Entry<String, JsonNode>> it = golden.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                contains(e.getValue(), actual.get(e.getKey()), at + "/" + e.getKey());
            }
        } else if (golden.isArray() && at.endsWith(".csv")) {
            assertEquals(golden.size(), actual.size(), at + " lines");
            for (int i = 0; i < golden.size(); i++) {
                String line = actual.get(i).asText();
                String expected = golden.get(i).asText();
                assertTrue(line.equals(expected) || line.startsWith(expected + ","), at + "[" + i + "]: " + line);
            }
        } else if (golden.isArray()) {
            assertTrue(
                    actual != null && actual.isArray() && actual.size() == golden.size(), at + " has " + golden.size());
            for (int i = 0; i < golden.size(); i++) {
                contains(golden.get(i), actual.get(i), at + "[" + i + "]");
            }
        } else {
            assertEquals(golden.toString(), actual == null ? null : actual.toString(), at);
        }
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            ((ObjectNode) node).remove(VOLATILE);
            node.forEach(SeedResultsUnchangedTest::strip);
        } else if (node.isArray()) {
            node.forEach(SeedResultsUnchangedTest::strip);
        }
    }
}
