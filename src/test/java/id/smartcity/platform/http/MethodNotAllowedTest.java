package id.smartcity.platform.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every path of the contract, asked with each method it does not list, answers 405 with an
 * {@code Allow} naming exactly the methods the contract lists (HEAD with GET, and OPTIONS), as a
 * problem. The REST layer answers 404 there when several resource classes share a path prefix (all
 * of {@code /regions/{regionCode}/…}): the mapper turns that into the 405 RFC 9110 asks for.
 */
@QuarkusTest
class MethodNotAllowedTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Test
    void everyPathOfTheContractAnswersAMethodItLacksWith405AndAllow() throws IOException {
        String region = TestData.createRegion("Kabupaten Metode");
        JsonNode paths = new YAMLMapper()
                .readTree(OpenApiContract.DEFAULT_LOCATION.toFile())
                .path("paths");
        List<String> wrong = new ArrayList<>();
        int asked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            TreeSet<String> listed = new TreeSet<>();
            path.getValue().fieldNames().forEachRemaining(m -> listed.add(m.toUpperCase()));
            listed.retainAll(METHODS);
            if (listed.contains("GET")) {
                listed.add("HEAD");
            }
            listed.add("OPTIONS");
            String expectedAllow = String.join(", ", listed);
            String url = concrete(path.getKey(), region);
            for (String method : METHODS) {
                if (listed.contains(method)) {
                    continue;
                }
                asked++;
                Response r = given().auth()
                        .oauth2(TestData.adminToken())
                        .contentType("application/json")
                        .body("{}")
                        .request(method, url);
                String type = r.getStatusCode() == 405 ? r.jsonPath().getString("type") : null;
                if (r.getStatusCode() != 405
                        || !expectedAllow.equals(r.getHeader("Allow"))
                        || !"urn:smartcity:problem:method-not-allowed".equals(type)
                        || !r.getContentType().startsWith("application/problem+json")) {
                    wrong.add(method + " " + path.getKey() + ": " + r.getStatusCode() + ", Allow "
                            + r.getHeader("Allow") + " (expected " + expectedAllow + ")");
                }
            }
        }
        assertEquals(List.of(), wrong, "of " + asked + " requests");
        assertEquals(true, asked > 100, "asked " + asked);
    }

    /** The template with every parameter filled: the test's region, and ids that need not exist. */
    private static String concrete(String template, String region) {
        return template.replace("{regionCode}", region)
                .replace("{code}", "GOVERNANCE")
                .replace("{version}", "1")
                .replace("{indicatorCode}", "SDM")
                .replaceAll("\\{[A-Za-z]+\\}", UUID.randomUUID().toString());
    }
}
