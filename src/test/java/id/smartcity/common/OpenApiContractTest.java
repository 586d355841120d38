package id.smartcity.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checked-in contract {@code openapi/openapi.yaml} is what the code serves, and every
 * operation in it is fully described.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path CHECKED_IN = Path.of("openapi", "openapi.yaml");
    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

    @Test
    void checkedInContractEqualsTheGeneratedOne() throws IOException {
        String generated = given().accept("application/yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(CHECKED_IN.getParent());
            Files.writeString(CHECKED_IN, generated, StandardCharsets.UTF_8);
        }
        String checkedIn = Files.exists(CHECKED_IN) ? Files.readString(CHECKED_IN, StandardCharsets.UTF_8) : "";
        if (!generated.equals(checkedIn)) {
            Path fresh = Path.of("target", "openapi-generated.yaml");
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, generated, StandardCharsets.UTF_8);
        }
        assertEquals(
                checkedIn,
                generated,
                "openapi/openapi.yaml is stale. Review target/openapi-generated.yaml, then refresh the contract with"
                        + " ./mvnw verify -Dopenapi.update=true and commit it.");
    }

    @Test
    void everyOperationHasAnIdASummarySecurityAndProblemResponses() {
        JsonPath doc = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (String method : METHODS) {
                if (!path.getValue().containsKey(method)) {
                    continue;
                }
                operations++;
                String where = method.toUpperCase() + " " + path.getKey();
                String base = "paths.'" + path.getKey() + "'." + method;
                if (doc.getString(base + ".operationId") == null) {
                    missing.add(where + ": operationId");
                }
                if (doc.getString(base + ".summary") == null) {
                    missing.add(where + ": summary");
                }
                List<Object> security = doc.getList(base + ".security");
                if (security == null || security.isEmpty()) {
                    missing.add(where + ": security requirement");
                }
                for (String status : List.of("401", "403", "500")) {
                    if (doc.getString(
                                    base + ".responses.'" + status + "'.content.'application/problem+json'.schema.$ref")
                            == null) {
                        missing.add(where + ": problem response " + status);
                    }
                }
                if (path.getKey().contains("{")
                        && doc.getString(base + ".responses.'404'.content.'application/problem+json'") == null) {
                    missing.add(where + ": problem response 404");
                }
            }
        }
        assertTrue(operations >= 6, "expected the dimension and region operations, found " + operations);
        assertEquals(List.of(), missing);
    }
}
