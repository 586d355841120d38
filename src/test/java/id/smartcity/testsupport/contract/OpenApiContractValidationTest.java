package id.smartcity.testsupport.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract validator can fail: each kind of violation is reported, and a valid exchange passes. */
class OpenApiContractValidationTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.checkedIn();
    private static final String QUICK_WIN = "/api/v1/regions/33.03/quick-wins/4f9d3c1e-6a3b-4e0e-9a57-2b8f3f0c2d11";
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String VALID_DIMENSION = """
            {"code":"GOVERNANCE","position":1,
             "name":{"id":"Tata kelola","en":"Governance"},
             "elements":[{"code":"PUBLIC_SERVICES","name":{"id":"Pelayanan Publik","en":"Public services"}}]}
            """;
    private static final String VALID_PROBLEM = """
            {"type":"urn:smartcity:problem:not-found","title":"Not found","status":404,
             "instance":"/api/v1/regions/33.03","requestId":"4f9d3c1e-6a3b-4e0e-9a57-2b8f3f0c2d11"}
            """;

    private static void assertReported(List<String> violations, String expected) {
        assertTrue(
                violations.stream().anyMatch(v -> v.contains(expected)),
                () -> "expected a violation containing '" + expected + "', got " + violations);
    }

    @Test
    void validSamplesPass() {
        assertEquals(
                List.of(),
                CONTRACT.validateResponse("GET", "/api/v1/dimensions/GOVERNANCE", 200, JSON, VALID_DIMENSION));
        assertEquals(List.of(), CONTRACT.validateResponse("GET", QUICK_WIN, 404, PROBLEM, VALID_PROBLEM));
        // Media type parameters are ignored, and so is the query.
        assertEquals(
                List.of(),
                CONTRACT.validateResponse(
                        "get", QUICK_WIN + "?lang=en", 404, "application/problem+json; charset=UTF-8", VALID_PROBLEM));
        // No content declared, none sent.
        assertEquals(List.of(), CONTRACT.validateResponse("GET", QUICK_WIN, 304, null, ""));
        assertEquals(
                List.of(),
                CONTRACT.validateRequest(
                        "POST",
                        "/api/v1/regions",
                        "application/json; charset=UTF-8",
                        "{\"code\":\"33.03\",\"name\":\"Kabupaten Purbalingga\",\"type\":\"KABUPATEN\","
                                + "\"province\":\"Jawa Tengah\"}"));
    }

    @Test
    void aPropertyOfTheWrongTypeIsReported() {
        List<String> violations = CONTRACT.validateResponse(
                "GET",
                "/api/v1/dimensions/GOVERNANCE",
                200,
                JSON,
                VALID_DIMENSION.replace("\"position\":1", "\"position\":\"1\""));
        assertReported(violations, "/position: string found, integer expected");
    }

    @Test
    void aNullThatTheTypeDoesNotAllowIsReported() {
        List<String> violations = CONTRACT.validateResponse(
                "GET", QUICK_WIN, 404, PROBLEM, VALID_PROBLEM.replace("\"title\":\"Not found\"", "\"title\":null"));
        assertReported(violations, "/title: null found, string expected");
    }

    @Test
    void anUndeclaredStatusIsReported() {
        List<String> violations = CONTRACT.validateResponse("GET", QUICK_WIN, 418, PROBLEM, VALID_PROBLEM);
        assertReported(violations, "status 418 not declared by getQuickWin");
    }

    @Test
    void aMissingRequiredPropertyIsReported() {
        List<String> violations = CONTRACT.validateResponse(
                "GET", QUICK_WIN, 404, PROBLEM, "{\"type\":\"urn:smartcity:problem:not-found\",\"status\":404}");
        assertReported(violations, "required property 'title' not found");
    }

    @Test
    void anUndeclaredMediaTypeIsReported() {
        List<String> violations = CONTRACT.validateResponse("GET", QUICK_WIN, 200, "text/html", "<html></html>");
        assertReported(violations, "media type text/html not declared");
        // A problem where the operation declares application/json is as wrong.
        assertReported(
                CONTRACT.validateResponse("GET", "/api/v1/dimensions/GOVERNANCE", 200, PROBLEM, VALID_PROBLEM),
                "media type application/problem+json not declared");
    }

    @Test
    void aFormatIsAsserted() {
        List<String> violations = CONTRACT.validateResponse(
                "GET", QUICK_WIN, 404, PROBLEM, VALID_PROBLEM.replace("\"requestId\":\"4f9d", "\"requestId\":\"4f 9d"));
        assertReported(violations, "/requestId: does not match the regex pattern");
    }

    @Test
    void bodiesMustMatchWhatTheResponseDeclares() {
        assertReported(CONTRACT.validateResponse("GET", QUICK_WIN, 200, JSON, ""), "but the body is empty");
        assertReported(
                CONTRACT.validateResponse("GET", QUICK_WIN, 304, JSON, "{}"),
                "declares no content, but the body is not empty");
        assertReported(CONTRACT.validateResponse("GET", QUICK_WIN, 404, PROBLEM, "{not json"), "the body is not JSON");
    }

    @Test
    void aCsvBodyIsCheckedForItsMediaTypeOnly() {
        assertEquals(
                List.of(),
                CONTRACT.validateResponse(
                        "GET", "/api/v1/audit-events", 200, "text/csv; charset=UTF-8", "id,at\n1,x\n"));
    }

    @Test
    void literalSegmentsWinOverTemplates() {
        assertTrue(CONTRACT.describe("GET", "/api/v1/audit-events/verify")
                .orElseThrow()
                .endsWith("(GET /api/v1/audit-events/verify)"));
        assertTrue(CONTRACT.describe("GET", "/api/v1/audit-events/42")
                .orElseThrow()
                .endsWith("(GET /api/v1/audit-events/{id})"));
    }

    @Test
    void unknownApiPathsMustBeProblem404sOr405s() {
        assertEquals("/api/v1", CONTRACT.apiPrefix());
        assertTrue(CONTRACT.covers("/api/v1/nothing-here"));
        assertFalse(CONTRACT.covers("/q/health"));
        assertEquals(List.of(), CONTRACT.validateResponse("GET", "/api/v1/nothing-here", 404, PROBLEM, VALID_PROBLEM));
        assertEquals(List.of(), CONTRACT.validateResponse("DELETE", "/api/v1/dimensions", 405, PROBLEM, VALID_PROBLEM));
        assertReported(
                CONTRACT.validateResponse("GET", "/api/v1/nothing-here", 200, JSON, "{}"),
                "only a 404 or 405 problem is allowed");
        assertReported(
                CONTRACT.validateResponse("GET", "/api/v1/nothing-here", 404, "text/html", "<p>no</p>"),
                "must be application/problem+json");
        assertReported(
                CONTRACT.validateResponse("GET", "/api/v1/nothing-here", 404, PROBLEM, "{\"title\":\"x\"}"),
                "required property 'type' not found");
    }

    @Test
    void requestBodiesAreChecked() {
        List<String> violations = CONTRACT.validateRequest(
                "POST",
                "/api/v1/regions",
                JSON,
                "{\"code\":\"3303\",\"name\":\"X\",\"type\":\"KABUPATEN\",\"extra\":1}");
        assertReported(violations, "/code: does not match the regex pattern");
        assertReported(violations, "required property 'province' not found");
        assertReported(violations, "property 'extra' is not defined in the schema");
        assertReported(
                CONTRACT.validateRequest("POST", "/api/v1/regions", "text/plain", "hello"),
                "media type text/plain not declared");
        assertReported(CONTRACT.validateRequest("POST", "/api/v1/regions", JSON, null), "requires one");
    }

    @Test
    void requiredResponseHeadersMustBePresent() {
        OpenApiContract contract = OpenApiContract.parse("""
                openapi: 3.1.0
                info: {title: t, version: "1"}
                paths:
                  /api/v1/things:
                    get:
                      operationId: listThings
                      responses:
                        "200":
                          description: ok
                          headers:
                            X-Total: {$ref: "#/components/headers/X-Total"}
                            X-Optional: {schema: {type: string}}
                          content:
                            application/json:
                              schema: {type: array, items: {$ref: "#/components/schemas/Thing"}}
                components:
                  headers:
                    X-Total: {required: true, schema: {type: integer}}
                  schemas:
                    Thing: {type: object, required: [id], properties: {id: {type: integer}}}
                """);
        assertEquals(
                List.of(),
                contract.validateResponse(
                        "GET", "/api/v1/things", 200, JSON, "[{\"id\":1}]", Set.of("X-Total")::contains));
        List<String> violations = contract.validateResponse("GET", "/api/v1/things", 200, JSON, "[{\"id\":\"1\"}]");
        assertReported(violations, "required header X-Total is missing");
        assertReported(violations, "/0/id: string found, integer expected");
        assertEquals(2, violations.size(), violations::toString);
    }

    @Test
    void sharedResponsesAndHeadersAreFollowed() {
        OpenApiContract contract = OpenApiContract.parse("""
                openapi: 3.1.0
                info: {title: t, version: "1"}
                paths:
                  /api/v1/things/{id}:
                    parameters:
                    - $ref: "#/components/parameters/Id"
                    get:
                      operationId: getThing
                      responses:
                        "404": {$ref: "#/components/responses/NotFound"}
                components:
                  parameters:
                    Id: {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    NotFound:
                      description: not found
                      headers:
                        X-Total: {$ref: "#/components/headers/X-Total"}
                      content:
                        application/problem+json:
                          schema: {$ref: "#/components/schemas/Problem"}
                  headers:
                    X-Total: {required: true, schema: {type: integer}}
                  schemas:
                    Problem: {type: object, required: [status], properties: {status: {type: integer}}}
                """);
        assertEquals(
                List.of(),
                contract.validateResponse(
                        "GET", "/api/v1/things/1", 404, PROBLEM, "{\"status\":404}", Set.of("X-Total")::contains));
        List<String> violations =
                contract.validateResponse("GET", "/api/v1/things/1", 404, PROBLEM, "{\"status\":\"404\"}");
        assertReported(violations, "required header X-Total is missing");
        assertReported(violations, "/status: string found, integer expected");
        assertReported(contract.validateResponse("GET", "/api/v1/things/1", 404, JSON, "{}"), "media type");
    }
}
