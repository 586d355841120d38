package id.smartcity.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checked-in contract {@code openapi/openapi.yaml}, read into what the fuzzer needs: every
 * operation with its parameters (path-level and operation-level, references resolved), its request
 * bodies per media type, the statuses it declares, the roles of its security requirement and the
 * sort fields its description lists.
 */
final class Contract {

    static final Path FILE = Path.of("openapi", "openapi.yaml");
    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");
    private static final Pattern SORT_FIELDS = Pattern.compile("Sort fields?: ([^.;]+)");

    record Param(String name, String in, boolean required, JsonNode schema) {}

    record Operation(
            String id,
            String method,
            String path,
            List<Param> params,
            Map<String, JsonNode> bodies,
            String bodySchemaName,
            Set<Integer> statuses,
            List<String> roles,
            List<String> sortFields,
            Set<String> produces) {

        boolean isWrite() {
            return !method.equals("GET");
        }

        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }

        Param param(String name) {
            return params.stream()
                    .filter(p -> p.name().equals(name))
                    .findFirst()
                    .orElse(null);
        }

        boolean hasHeader(String name) {
            return params.stream()
                    .anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase(name));
        }

        @Override
        public String toString() {
            return id + " (" + method + " " + path + ")";
        }
    }

    private final JsonNode doc;
    private final List<Operation> operations = new ArrayList<>();

    private Contract(JsonNode doc) {
        this.doc = doc;
        for (var path : doc.path("paths").properties()) {
            JsonNode item = path.getValue();
            for (String method : METHODS) {
                JsonNode op = item.path(method);
                if (!op.isMissingNode()) {
                    operations.add(operation(path.getKey(), method, item, op));
                }
            }
        }
    }

    static Contract load() {
        try {
            return new Contract(new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the contract " + FILE.toAbsolutePath(), e);
        }
    }

    List<Operation> operations() {
        return operations;
    }

    Operation operation(String id) {
        return operations.stream()
                .filter(o -> o.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No operation " + id + " in the contract"));
    }

    /** The schema with its {@code $ref} followed; sibling keywords of the reference win over the target's. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 20 && current != null && current.has("$ref"); hops++) {
            JsonNode target = pointer(current.get("$ref").asText());
            ObjectNode merged = target.deepCopy();
            current.properties().forEach(e -> {
                if (!e.getKey().equals("$ref")) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            current = merged;
        }
        return current;
    }

    /** The name of a referenced component schema ({@code #/components/schemas/X} gives X), else null. */
    static String refName(JsonNode schema) {
        if (schema == null || !schema.has("$ref")) {
            return null;
        }
        String ref = schema.get("$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private JsonNode pointer(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("Only local references are supported: " + ref);
        }
        JsonNode target = doc.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("Dangling reference " + ref);
        }
        return target;
    }

    private Operation operation(String path, String method, JsonNode item, JsonNode op) {
        Map<String, Param> params = new LinkedHashMap<>();
        for (JsonNode p : item.path("parameters")) {
            Param param = param(p);
            params.put(param.in() + ":" + param.name(), param);
        }
        for (JsonNode p : op.path("parameters")) {
            Param param = param(p);
            params.put(param.in() + ":" + param.name(), param);
        }
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        String bodySchemaName = null;
        JsonNode requestBody = resolve(op.path("requestBody"));
        if (requestBody != null && !requestBody.isMissingNode()) {
            for (var content : requestBody.path("content").properties()) {
                bodies.put(content.getKey(), content.getValue().path("schema"));
                if (bodySchemaName == null) {
                    bodySchemaName = refName(content.getValue().path("schema"));
                }
            }
        }
        Set<Integer> statuses = new TreeSet<>();
        Set<String> produces = new LinkedHashSet<>();
        for (var response : op.path("responses").properties()) {
            if (response.getKey().matches("\\d{3}")) {
                int status = Integer.parseInt(response.getKey());
                statuses.add(status);
                if (status < 300) {
                    resolve(response.getValue()).path("content").fieldNames().forEachRemaining(produces::add);
                }
            }
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode requirement : op.path("security")) {
            requirement.properties().forEach(e -> e.getValue().forEach(r -> roles.add(r.asText())));
        }
        List<String> sortFields = new ArrayList<>();
        Matcher m = SORT_FIELDS.matcher(op.path("description").asText(""));
        if (m.find()) {
            for (String part : m.group(1).split(",")) {
                Matcher word = Pattern.compile("[A-Za-z]+").matcher(part.trim());
                if (word.find()) {
                    sortFields.add(word.group());
                }
            }
        }
        return new Operation(
                op.path("operationId").asText(),
                method.toUpperCase(Locale.ROOT),
                path,
                List.copyOf(params.values()),
                bodies,
                bodySchemaName,
                statuses,
                roles,
                sortFields,
                produces);
    }

    private Param param(JsonNode p) {
        JsonNode resolved = resolve(p);
        return new Param(
                resolved.path("name").asText(),
                resolved.path("in").asText(),
                resolved.path("required").asBoolean(false),
                resolved.path("schema"));
    }
}
