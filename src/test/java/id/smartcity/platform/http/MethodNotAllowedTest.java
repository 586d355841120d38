package id.smartcity.platform.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.contract.NotContractChecked;
import id.smartcity.testsupport.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every path of the contract, asked with each method it does not list, answers 405 with an
 * {@code Allow} naming exactly the methods the contract lists (HEAD with GET, and OPTIONS), as a
 * problem; {@code OPTIONS} answers 200 with the same {@code Allow}. The REST layer answers 404
 * there when several resource classes share a path prefix (all of {@code /regions/{regionCode}/…}),
 * and its own OPTIONS lists the methods of the whole class.
 */
@QuarkusTest
class MethodNotAllowedTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Test
    void everyPathOfTheContractAnswersAMethodItLacksWith405AndAllow() {
        String region = TestData.createRegion("Kabupaten Metode");
        List<String> wrong = new ArrayList<>();
        int asked = 0;
        for (Map.Entry<String, String> path : allowByPath().entrySet()) {
            String url = concrete(path.getKey(), region);
            for (String method : METHODS) {
                if (path.getValue().contains(method)) {
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
                        || !path.getValue().equals(r.getHeader("Allow"))
                        || !"urn:smartcity:problem:method-not-allowed".equals(type)
                        || !r.getContentType().startsWith("application/problem+json")) {
                    wrong.add(method + " " + path.getKey() + ": " + r.getStatusCode() + ", Allow "
                            + r.getHeader("Allow") + " (expected " + path.getValue() + ")");
                }
            }
        }
        assertEquals(List.of(), wrong, "of " + asked + " requests");
        assertTrue(asked > 100, "asked " + asked);
    }

    @Test
    @NotContractChecked(
            "OPTIONS is HTTP's own (RFC 9110 9.3.7), answered for every path; the contract lists operations")
    void optionsOnEveryPathOfTheContractNamesItsMethods() {
        String region = TestData.createRegion("Kabupaten Opsi");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> path : allowByPath().entrySet()) {
            Response r = given().request("OPTIONS", concrete(path.getKey(), region));
            if (r.getStatusCode() != 200 || !path.getValue().equals(r.getHeader("Allow"))) {
                wrong.add(path.getKey() + ": " + r.getStatusCode() + ", Allow " + r.getHeader("Allow") + " (expected "
                        + path.getValue() + ")");
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** Each path template of the contract with the Allow it must answer, e.g. "GET, HEAD, OPTIONS, POST". */
    private static Map<String, String> allowByPath() {
        JsonNode paths;
        try {
            paths = new YAMLMapper()
                    .readTree(OpenApiContract.DEFAULT_LOCATION.toFile())
                    .path("paths");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> allow = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            TreeSet<String> listed = new TreeSet<>();
            path.getValue().fieldNames().forEachRemaining(m -> listed.add(m.toUpperCase()));
            listed.retainAll(METHODS);
            if (listed.contains("GET")) {
                listed.add("HEAD");
            }
            listed.add("OPTIONS");
            allow.put(path.getKey(), String.join(", ", listed));
        }
        assertTrue(allow.size() > 40, "paths: " + allow.size());
        return allow;
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
