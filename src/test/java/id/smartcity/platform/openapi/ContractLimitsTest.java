package id.smartcity.platform.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.platform.http.ETags;
import id.smartcity.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/**
 * The bounds that the contract gives request bodies (for the OWASP lint: maxLength, maxItems,
 * maximum) are the ones the API enforces, and a value past one is a 400 naming the field.
 */
@QuarkusTest
class ContractLimitsTest {

    @Inject
    Validator validator;

    /**
     * For every property with a bound in every object a request body can hold (the schemas the
     * contract marks {@code additionalProperties: false}), a value just past the bound violates a
     * constraint of that property of the Java type behind the schema.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyBoundOfARequestSchemaIsEnforced() throws IOException, NoSuchFieldException {
        JsonPath doc = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> schemas = doc.getMap("components.schemas");
        Map<String, Class<?>> types = schemaTypes();
        List<String> unenforced = new ArrayList<>();
        int checked = 0;
        for (var schema : schemas.entrySet()) {
            if (!Boolean.FALSE.equals(schema.getValue().get("additionalProperties"))) {
                continue;
            }
            if (schema.getValue().containsKey(ContractDefaultsFilter.MERGE_PATCH_OF)) {
                continue; // derived from a request schema that this loop checks itself
            }
            Class<?> type = types.get(schema.getKey());
            assertTrue(type != null, "no Java type with @Schema(name = \"" + schema.getKey() + "\")");
            var properties =
                    (Map<String, Map<String, Object>>) schema.getValue().get("properties");
            for (var property : properties.entrySet()) {
                String name = property.getKey();
                Map<String, Object> p = property.getValue();
                // A UUID, a date or an int cannot hold more than its type: Jackson refuses it (400).
                Type javaType = type.getDeclaredField(name).getGenericType();
                boolean text = javaType == String.class;
                boolean texts =
                        javaType instanceof ParameterizedType list && list.getActualTypeArguments()[0] == String.class;
                List<Probe> probes = new ArrayList<>();
                if (p.get("maxLength") instanceof Number max && text) {
                    probes.add(new Probe("x".repeat(max.intValue() + 1), LENGTH, false));
                }
                if (p.get("maxItems") instanceof Number max) {
                    probes.add(new Probe(Collections.nCopies(max.intValue() + 1, null), Set.of("Size"), false));
                }
                if (p.get("items") instanceof Map<?, ?> items
                        && items.get("maxLength") instanceof Number max
                        && texts) {
                    probes.add(new Probe(List.of("x".repeat(max.intValue() + 1)), LENGTH, true));
                }
                if (p.get("maximum") instanceof Number max
                        && "integer".equals(p.get("type"))
                        && max.longValue() < Integer.MAX_VALUE) {
                    probes.add(new Probe(max.intValue() + 1, Set.of("Max"), false));
                }
                for (Probe probe : probes) {
                    checked++;
                    Set<? extends ConstraintViolation<?>> violations =
                            validator.validateValue((Class<Object>) type, name, probe.value());
                    boolean enforced = violations.stream()
                            .anyMatch(v -> probe.constraints()
                                            .contains(v.getConstraintDescriptor()
                                                    .getAnnotation()
                                                    .annotationType()
                                                    .getSimpleName())
                                    && (probe.element()
                                            ? v.getPropertyPath().toString().startsWith(name + "[")
                                            : v.getPropertyPath().toString().equals(name)));
                    if (!enforced) {
                        unenforced.add(schema.getKey() + "." + name + " accepts " + describe(probe.value()));
                    }
                }
            }
        }
        assertTrue(checked > 50, "expected bounds on many request properties, checked " + checked);
        assertEquals(List.of(), unenforced);
    }

    @Test
    void aTooLongStringIsA400ProblemNamingTheField() {
        String region = TestData.createRegion("Kabupaten Batas Panjang");
        given().auth()
                .oauth2(TestData.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "x".repeat(201), "kind", "ACADEMIA", "position", "y".repeat(201)))
                .post("/api/v1/regions/" + region + "/stakeholders")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smartcity:problem:validation"))
                .body("errors.field", contains("name", "position"))
                .body("errors[0].message", startsWith("size must be between"));
    }

    @Test
    void anOverlongConditionHeaderIsA400NamingIt() {
        String region = TestData.createRegion("Kabupaten Tag Panjang");
        given().auth()
                .oauth2(TestData.adminToken())
                .header("If-None-Match", "\"" + "1".repeat(ETags.MAX_CONDITION) + "\"")
                .get("/api/v1/regions/" + region)
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:smartcity:problem:validation"))
                .body("errors.field", contains("If-None-Match"));
    }

    @Test
    void problemsAnswerTheConfiguredOriginLikeEveryOtherResponse() {
        // The contract gives every response Access-Control-Allow-Origin; errors carry it too.
        String origin = "https://dashboard.smartcity.test";
        given().header("Origin", origin)
                .get("/api/v1/regions")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", equalTo(origin));
        given().auth()
                .oauth2(TestData.adminToken())
                .header("Origin", origin)
                .get("/api/v1/dimensions/NOWHERE")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", equalTo(origin));
    }

    /** The classes of the application named by an {@code @Schema(name)}, by that name. */
    private static Map<String, Class<?>> schemaTypes() throws IOException {
        Path root = Path.of("target", "classes");
        Map<String, Class<?>> types = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replace(".class", "");
                try {
                    Class<?> type = Class.forName(name, false, ContractLimitsTest.class.getClassLoader());
                    Schema schema = type.getAnnotation(Schema.class);
                    if (schema != null && !schema.name().isEmpty()) {
                        types.put(schema.name(), type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // Not loadable on its own (generated or build-time only): it names no request schema.
                }
            }
        }
        return types;
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "a string of " + s.length();
        }
        if (value instanceof List<?> l) {
            return "a list of " + l.size()
                    + (l.isEmpty() || !(l.get(0) instanceof String s) ? "" : " (strings of " + s.length() + ")");
        }
        return String.valueOf(value);
    }

    /** A value just past a bound, and the constraints that may reject it (a pattern may bound a length). */
    private record Probe(Object value, Set<String> constraints, boolean element) {}

    private static final Set<String> LENGTH = Set.of("Size", "Pattern");
}
