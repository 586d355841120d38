package id.smartcity.platform.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checked-in contract {@code openapi/openapi.yaml} is what the code serves, and every
 * operation in it is fully described.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path CHECKED_IN = Path.of("openapi", "openapi.yaml");
    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

    /**
     * The checked-in file is the served contract in its checked-in form ({@link ContractYaml}), and
     * reads back as exactly what the code serves.
     */
    @Test
    void checkedInContractEqualsTheGeneratedOne() throws IOException {
        JsonNode served = contract();
        String generated = ContractYaml.render(served);
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
        assertTrue(
                served.equals(NUMBERS_BY_VALUE, new YAMLMapper().readTree(generated)),
                "the checked-in form must read back as the served contract");
        assertTrue(
                served.equals(
                        NUMBERS_BY_VALUE,
                        new YAMLMapper()
                                .readTree(given().accept("application/yaml")
                                        .get("/q/openapi")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .asString())),
                "the served YAML and JSON must be one contract");
    }

    /** Equal nodes, with numbers equal by value (an int and a long of one value). */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return 1;
    };

    @Test
    void everyOperationHasAnIdASummarySecurityAndProblemResponses() throws IOException {
        JsonNode doc = contract();
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : doc.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                operations++;
                String where = method.toUpperCase() + " " + path.getKey();
                if (operation.path("operationId").asText().isEmpty()) {
                    missing.add(where + ": operationId");
                }
                if (operation.path("summary").asText().isEmpty()) {
                    missing.add(where + ": summary");
                }
                if (operation.path("security").isEmpty()) {
                    missing.add(where + ": security requirement");
                }
                for (String status : List.of("401", "403", "500")) {
                    if (response(doc, operation, status)
                            .at("/content/application~1problem+json/schema/$ref")
                            .isMissingNode()) {
                        missing.add(where + ": problem response " + status);
                    }
                }
                if (path.getKey().contains("{")
                        && response(doc, operation, "404")
                                .at("/content/application~1problem+json")
                                .isMissingNode()) {
                    missing.add(where + ": problem response 404");
                }
            }
        }
        assertTrue(operations >= 6, "expected the dimension and region operations, found " + operations);
        assertEquals(List.of(), missing);
    }

    /**
     * Besides bearerAuth, the OpenID Connect scheme of the realm (what Swagger UI's Authorize logs in
     * with), offered as an alternative wherever bearerAuth is required.
     */
    @Test
    void theOpenIdConnectSchemeIsAnAlternativeToEveryBearerRequirement() throws IOException {
        JsonNode doc = contract();
        JsonNode schemes = doc.at("/components/securitySchemes");
        assertEquals("bearer", schemes.at("/bearerAuth/scheme").asText());
        assertEquals("openIdConnect", schemes.at("/oidc/type").asText());
        assertEquals(
                "http://localhost:8180/realms/smartcity/.well-known/openid-configuration",
                schemes.at("/oidc/openIdConnectUrl").asText());
        List<String> missing = new ArrayList<>();
        for (var path : doc.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode security = path.getValue().path(method).path("security");
                boolean bearer = false;
                boolean oidc = false;
                for (JsonNode requirement : security) {
                    bearer |= requirement.has("bearerAuth");
                    oidc |= requirement.has("oidc") && requirement.path("oidc").isEmpty();
                }
                if (bearer && !oidc) {
                    missing.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** The operation's response for the status, its reference (to components/responses) followed. */
    private static JsonNode response(JsonNode doc, JsonNode operation, String status) {
        return resolve(doc, operation.path("responses").path(status));
    }

    /** The object a {@code $ref} (inside the contract) points at; the node itself when it is no reference. */
    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            String ref = current.path("$ref").asText();
            assertTrue(ref.startsWith("#/"), "a reference outside the contract: " + ref);
            current = doc.at(ref.substring(1));
            assertTrue(!current.isMissingNode(), "a reference to nothing: " + ref);
        }
        return current;
    }

    /** The served contract as a tree: fast to walk, unlike a path expression per lookup. */
    private static JsonNode contract() throws IOException {
        return new ObjectMapper()
                .readTree(given().accept("application/json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }

    @Test
    void everyOperationDeclaresItsRateLimitAndEveryPostItsIdempotencyKey() throws IOException {
        JsonNode doc = contract();
        List<String> missing = new ArrayList<>();
        int posts = 0;
        for (var path : doc.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                String where = method.toUpperCase() + " " + path.getKey();
                JsonNode responses = operation.path("responses");
                JsonNode tooMany = response(doc, operation, "429");
                if (!"#/components/schemas/Problem"
                                .equals(tooMany.at("/content/application~1problem+json/schema/$ref")
                                        .asText())
                        || !"#/components/headers/Retry-After"
                                .equals(tooMany.at("/headers/Retry-After/$ref").asText())) {
                    missing.add(where + ": 429 problem with Retry-After");
                }
                for (var entry : responses.properties()) {
                    String status = entry.getKey();
                    if (!status.startsWith("2") && !status.startsWith("4")) {
                        continue;
                    }
                    JsonNode response = resolve(doc, entry.getValue());
                    for (String header : List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")) {
                        if (!("#/components/headers/" + header)
                                .equals(response.path("headers")
                                        .path(header)
                                        .path("$ref")
                                        .asText())) {
                            missing.add(where + " " + status + ": " + header);
                        }
                    }
                    if (method.equals("post")
                            && status.startsWith("2")
                            && response.at("/headers/Idempotent-Replayed/$ref").isMissingNode()) {
                        missing.add(where + " " + status + ": Idempotent-Replayed");
                    }
                }
                if (!method.equals("post")) {
                    continue;
                }
                posts++;
                boolean keyParameter = false;
                for (JsonNode parameter : operation.path("parameters")) {
                    keyParameter |= "#/components/parameters/IdempotencyKey"
                            .equals(parameter.path("$ref").asText());
                }
                if (!keyParameter) {
                    missing.add(where + ": Idempotency-Key parameter");
                }
                for (String status : List.of("409", "422")) {
                    if (!response(doc, operation, status)
                            .path("description")
                            .asText()
                            .contains("Idempotency-Key")) {
                        missing.add(where + ": " + status + " for the Idempotency-Key");
                    }
                }
            }
        }
        assertTrue(posts >= 13, "expected every POST of the API, found " + posts);
        assertEquals(List.of(), missing);
        JsonNode key = doc.at("/components/parameters/IdempotencyKey");
        assertEquals("header", key.path("in").asText());
        assertEquals("Idempotency-Key", key.path("name").asText());
        assertEquals(255, key.at("/schema/maxLength").asInt());
    }
}
