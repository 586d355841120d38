package id.smartcity.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract keeps every released contract of its major version working (openapi/released), and
 * the check really finds what breaks clients.
 */
class ContractCompatibilityTest {

    private static final Path CURRENT = Path.of("openapi", "openapi.yaml");
    private static final Path RELEASED = Path.of("openapi", "released");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theContractDoesNotBreakClientsOfAnyReleaseOfItsMajorVersion() throws IOException {
        String version = current().at("/info/version").asText();
        String major = version.substring(0, version.indexOf('.'));
        List<Path> releases;
        try (Stream<Path> files = Files.list(RELEASED)) {
            releases = files.filter(
                            f -> f.getFileName().toString().matches("openapi-v" + major + "\\.\\d+\\.\\d+\\.yaml"))
                    .sorted()
                    .toList();
        }
        assertFalse(releases.isEmpty(), "no released contract openapi/released/openapi-v" + major + ".x.y.yaml");
        String current = Files.readString(CURRENT, StandardCharsets.UTF_8);
        for (Path release : releases) {
            ContractCompatibility.Verdict verdict =
                    ContractCompatibility.compare(Files.readString(release, StandardCharsets.UTF_8), current);
            assertFalse(verdict.incompatible(), () -> release.getFileName() + ": " + verdict.explain());
        }
    }

    @Test
    void theSameContractIsCompatible() throws IOException {
        String current = Files.readString(CURRENT, StandardCharsets.UTF_8);

        ContractCompatibility.Verdict verdict = ContractCompatibility.compare(current, current);

        assertFalse(verdict.incompatible(), verdict::explain);
        assertEquals(List.of(), verdict.broken());
    }

    @Test
    void aRemovedOperationBreaksClients() throws IOException {
        ObjectNode changed = current();
        ((ObjectNode) changed.at("/paths/~1api~1v1~1regions~1{regionCode}")).remove("patch");

        ContractCompatibility.Verdict verdict = compareWithCurrent(changed);

        assertTrue(verdict.incompatible());
        assertTrue(verdict.broken().contains("removed: PATCH /api/v1/regions/{regionCode}"), verdict::explain);
        assertTrue(verdict.explain().contains("removed: PATCH /api/v1/regions/{regionCode}"));
    }

    @Test
    void aNewRequiredParameterBreaksClients() throws IOException {
        ObjectNode changed = current();
        ArrayNode parameters = (ArrayNode) changed.at("/paths/~1api~1v1~1regions/get/parameters");
        ObjectNode province = parameters.addObject();
        province.put("name", "province").put("in", "query").put("required", true);
        province.putObject("schema").put("type", "string").put("maxLength", 100);

        ContractCompatibility.Verdict verdict = compareWithCurrent(changed);

        assertTrue(verdict.incompatible());
        assertEquals(
                List.of("changed incompatibly: GET /api/v1/regions (parameters)"), verdict.broken(), verdict::explain);
    }

    @Test
    void aRequiredRequestPropertyBreaksClients() throws IOException {
        ObjectNode changed = current();
        ((ArrayNode) changed.at("/components/schemas/StakeholderRequest/required")).add("organisation");

        ContractCompatibility.Verdict verdict = compareWithCurrent(changed);

        assertTrue(verdict.incompatible());
        assertTrue(
                verdict.broken()
                        .contains("changed incompatibly: POST /api/v1/regions/{regionCode}/stakeholders"
                                + " (request body)"),
                verdict::explain);
    }

    @Test
    void aNewOptionalResponsePropertyAndANewOperationKeepClientsWorking() throws IOException {
        ObjectNode changed = current();
        ((ObjectNode) changed.at("/components/schemas/Region/properties"))
                .putObject("motto")
                .put("type", "string")
                .put("maxLength", 200);
        JsonNode get = changed.at("/paths/~1api~1v1~1dimensions/get").deepCopy();
        ((ObjectNode) get).put("operationId", "listDimensionsAgain");
        ((ObjectNode) changed.at("/paths"))
                .putObject("/api/v1/dimensions-again")
                .set("get", get);

        ContractCompatibility.Verdict verdict = compareWithCurrent(changed);

        assertFalse(verdict.incompatible(), verdict::explain);
    }

    @Test
    void aNewErrorResponseResponseHeaderAndOptionalRequestHeaderKeepClientsWorking() throws IOException {
        // The contract as it was before rate limits and idempotency keys: without the 429, the
        // RateLimit-* headers and the optional Idempotency-Key of POST /regions. Today's contract
        // adds them, and must still be compatible with that older one.
        ObjectNode older = current();
        ObjectNode post = (ObjectNode) older.at("/paths/~1api~1v1~1regions/post");
        assertTrue(post.at("/responses/429").isObject(), "the contract answers 429 on POST /regions");
        ((ObjectNode) post.get("responses")).remove("429");
        ObjectNode created = (ObjectNode) post.at("/responses/201/headers");
        assertTrue(created.has("RateLimit-Limit"), "201 carries RateLimit-Limit");
        created.remove(List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"));
        ArrayNode parameters = (ArrayNode) post.get("parameters");
        int before = parameters.size();
        for (int i = parameters.size() - 1; i >= 0; i--) {
            JsonNode p = parameters.get(i);
            String name =
                    p.has("$ref") ? p.get("$ref").asText() : p.path("name").asText();
            if (name.endsWith("Idempotency-Key") || name.endsWith("/IdempotencyKey")) {
                parameters.remove(i);
            }
        }
        assertEquals(before - 1, parameters.size(), "POST /regions takes an optional Idempotency-Key");

        ContractCompatibility.Verdict verdict = ContractCompatibility.compare(
                YAML.writeValueAsString(older), Files.readString(CURRENT, StandardCharsets.UTF_8));

        assertFalse(verdict.incompatible(), verdict::explain);
    }

    private static ObjectNode current() throws IOException {
        return (ObjectNode) YAML.readTree(CURRENT.toFile());
    }

    private static ContractCompatibility.Verdict compareWithCurrent(JsonNode changed) throws IOException {
        return ContractCompatibility.compare(
                Files.readString(CURRENT, StandardCharsets.UTF_8), YAML.writeValueAsString(changed));
    }
}
