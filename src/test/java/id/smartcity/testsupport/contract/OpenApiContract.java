package id.smartcity.testsupport.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The checked-in contract {@code openapi/openapi.yaml} as a validator of HTTP exchanges.
 *
 * <p>Finds the operation of a request by its method and raw path, matching the contract's path
 * templates ({@code /api/v1/regions/{regionCode}/quick-wins/{id}}); where two templates match, the
 * one with more literal segments wins ({@code /audit-events/verify} over {@code /audit-events/{id}}).
 * The contract's paths carry the {@code /api/v1} prefix themselves (its only server is {@code /}), so
 * the raw request path is matched as it is.
 *
 * <p>A response is checked thus: its status must be declared by the operation (exactly, as
 * {@code 4XX}, or as {@code default}); headers that the response declares {@code required} must be
 * present; a body must have a media type the response declares (parameters such as {@code charset}
 * ignored), and a JSON or {@code +json} body must be valid against that media type's schema; a
 * response that declares no content must have no body, and one that declares content must have one.
 * Other media types (e.g. {@code text/csv}) are checked for their type only. A request is checked
 * the same way against the operation's {@code requestBody}.
 *
 * <p>Schemas are JSON Schema 2020-12, validated with networknt's json-schema-validator against the
 * whole contract document (so every {@code $ref} into {@code #/components/schemas} resolves), with
 * {@code format} asserted ({@code date-time}, {@code uuid}, {@code uri}, ...; the OpenAPI-only
 * formats {@code int32}/{@code int64} are left to {@code minimum}/{@code maximum}).
 */
public final class OpenApiContract {

    /** Where the contract lives, relative to the project directory (the tests' working directory). */
    public static final Path DEFAULT_LOCATION = Path.of("openapi", "openapi.yaml");

    private static final String DOCUMENT_IRI = "https://contract.smartcity.test/openapi.json";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final int MAX_MESSAGES_PER_BODY = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile OpenApiContract checkedIn;

    private final JsonNode document;
    private final List<Template> templates;
    private final String apiPrefix;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(JsonNode document) {
        this.document = document;
        this.templates = new ArrayList<>();
        document.path("paths").properties().forEach(e -> templates.add(new Template(e.getKey())));
        // Most specific first: more literal segments, then longer literal text.
        templates.sort(Comparator.comparingInt(Template::literalSegments)
                .thenComparingInt(Template::literalLength)
                .reversed());
        this.apiPrefix = commonLiteralPrefix(templates);
        String json;
        try {
            json = JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The contract cannot be written as JSON", e);
        }
        // format "email": the library's check looks the domain up in the IANA list of top-level
        // domains and refuses the reserved ones (RFC 2606: .example, .test) that demo and test data
        // rightly use; RFC 5321 asks for a local part, an @ and a domain, which is what is checked.
        com.networknt.schema.JsonMetaSchema meta = com.networknt.schema.JsonMetaSchema.builder(
                        com.networknt.schema.JsonMetaSchema.getV202012())
                .format(com.networknt.schema.format.PatternFormat.of(
                        "email", "^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$", "format.email"))
                .build();
        this.factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                b -> b.metaSchema(meta)
                        .defaultMetaSchemaIri(meta.getIri())
                        .schemaLoaders(l -> l.schemas(Map.of(DOCUMENT_IRI, json))));
        this.config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .locale(Locale.ROOT)
                .build();
    }

    /** The checked-in contract, read once per class loader. */
    public static OpenApiContract checkedIn() {
        OpenApiContract contract = checkedIn;
        if (contract == null) {
            synchronized (OpenApiContract.class) {
                contract = checkedIn;
                if (contract == null) {
                    contract = load(DEFAULT_LOCATION);
                    checkedIn = contract;
                }
            }
        }
        return contract;
    }

    public static OpenApiContract load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the contract " + file.toAbsolutePath(), e);
        }
    }

    /** A contract from its YAML (or JSON) text. */
    public static OpenApiContract parse(String yaml) {
        try {
            return new OpenApiContract(new YAMLMapper().readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("The contract is not valid YAML", e);
        }
    }

    /**
     * The literal prefix that every path of the contract starts with ({@code /api/v1}): a request
     * under it is the API's, whether or not the contract has its path.
     */
    public String apiPrefix() {
        return apiPrefix;
    }

    /** Whether the request is the API's: its path matches a path of the contract or is under {@link #apiPrefix()}. */
    public boolean covers(String rawPath) {
        String path = stripQuery(rawPath);
        return (!apiPrefix.isEmpty() && (path.equals(apiPrefix) || path.startsWith(apiPrefix + "/")))
                || templates.stream().anyMatch(t -> t.matches(path));
    }

    /** The operation for the method and raw path, e.g. {@code "getQuickWin (GET /api/v1/regions/{regionCode}/quick-wins/{id})"}. */
    public Optional<String> describe(String method, String rawPath) {
        return find(method, rawPath).map(Operation::toString);
    }

    /** The violations of the contract by a response; empty when it is one the contract allows. */
    public List<String> validateResponse(String method, String rawPath, int status, String contentType, String body) {
        return validateResponse(method, rawPath, status, contentType, body, name -> false);
    }

    /**
     * As {@link #validateResponse(String, String, int, String, String)}, also checking that the
     * headers the response declares required are present ({@code hasHeader} is asked by name,
     * case-insensitively).
     */
    public List<String> validateResponse(
            String method,
            String rawPath,
            int status,
            String contentType,
            String body,
            java.util.function.Predicate<String> hasHeader) {
        List<String> violations = new ArrayList<>();
        Optional<Operation> found = find(method, rawPath);
        if (found.isEmpty()) {
            // No operation: the API must say so with a 404 or 405 problem.
            String template = templates.stream()
                    .filter(t -> t.matches(stripQuery(rawPath)))
                    .findFirst()
                    .map(t -> t.text)
                    .orElse(null);
            String what = template == null
                    ? "no path of the contract matches " + stripQuery(rawPath)
                    : "the contract declares no " + method.toUpperCase(Locale.ROOT) + " for " + template;
            if (status != 404 && status != 405) {
                violations.add(what + ", so only a 404 or 405 problem is allowed, but the status is " + status);
                return violations;
            }
            String mediaType = mediaType(contentType);
            if (!"application/problem+json".equals(mediaType)) {
                violations.add(what + ": the " + status + " must be application/problem+json, but its media type is "
                        + (mediaType == null ? "missing" : mediaType));
                return violations;
            }
            validateJson("/components/schemas/Problem", body, "status " + status + " " + mediaType, violations);
            return violations;
        }
        Operation operation = found.get();
        JsonNode responses = operation.node.path("responses");
        String key = String.valueOf(status);
        if (!responses.has(key)) {
            key = status / 100 + "XX";
        }
        if (!responses.has(key)) {
            key = "default";
        }
        if (!responses.has(key)) {
            List<String> declared = new ArrayList<>();
            responses.fieldNames().forEachRemaining(declared::add);
            violations.add("status " + status + " not declared by " + operation + "; it declares " + declared);
            return violations;
        }
        Ref response = resolve(new Ref(operation.pointer + "/responses/" + escape(key), responses.get(key)));

        for (var header : response.node.path("headers").properties()) {
            JsonNode declared = resolve(new Ref("", header.getValue())).node;
            if (declared.path("required").asBoolean(false) && !hasHeader.test(header.getKey())) {
                violations.add("status " + status + ": required header " + header.getKey() + " is missing");
            }
        }

        String where = "status " + status;
        checkContent(response, body, contentType, where, violations, true);
        return violations;
    }

    /** The violations of the contract by a request's body; empty when the contract allows it. */
    public List<String> validateRequest(String method, String rawPath, String contentType, String body) {
        List<String> violations = new ArrayList<>();
        Optional<Operation> found = find(method, rawPath);
        if (found.isEmpty()) {
            return violations;
        }
        Operation operation = found.get();
        boolean hasBody = body != null && !body.isEmpty();
        JsonNode requestBody = operation.node.get("requestBody");
        if (requestBody == null) {
            if (hasBody) {
                violations.add("request has a body, but " + operation + " declares no requestBody");
            }
            return violations;
        }
        Ref ref = resolve(new Ref(operation.pointer + "/requestBody", requestBody));
        if (!hasBody) {
            if (ref.node.path("required").asBoolean(false)) {
                violations.add("request has no body, but " + operation + " requires one");
            }
            return violations;
        }
        checkContent(ref, body, contentType, "request", violations, false);
        return violations;
    }

    private void checkContent(
            Ref declaring, String body, String contentType, String where, List<String> violations, boolean response) {
        JsonNode content = declaring.node.path("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (content.isEmpty()) {
            if (hasBody) {
                violations.add(
                        where + " declares no content, but the body is not empty (Content-Type " + contentType + ")");
            }
            return;
        }
        List<String> declared = new ArrayList<>();
        content.fieldNames().forEachRemaining(declared::add);
        if (!hasBody) {
            if (response) {
                violations.add(where + " declares content " + declared + ", but the body is empty");
            }
            return;
        }
        String mediaType = mediaType(contentType);
        if (mediaType == null) {
            violations.add(where + " has a body without a Content-Type; it declares " + declared);
            return;
        }
        String key = matchMediaType(content, mediaType);
        if (key == null) {
            violations.add(where + ": media type " + mediaType + " not declared; it declares " + declared);
            return;
        }
        JsonNode entry = content.get(key);
        if (isJson(mediaType) && entry.has("schema")) {
            validateJson(
                    declaring.pointer + "/content/" + escape(key) + "/schema",
                    body,
                    where + " " + mediaType,
                    violations);
        }
    }

    private void validateJson(String schemaPointer, String body, String where, List<String> violations) {
        JsonNode instance;
        try {
            // RFC 8259 §8.1 lets a parser ignore a byte order mark, and the server does (StrictUtf8Body).
            instance = JSON.readTree(body.startsWith("\uFEFF") ? body.substring(1) : body);
        } catch (JsonProcessingException e) {
            violations.add(where + ": the body is not JSON: " + e.getOriginalMessage());
            return;
        }
        if (instance == null || instance.isMissingNode()) {
            violations.add(where + ": the body is not JSON");
            return;
        }
        JsonSchema schema = schemas.computeIfAbsent(
                schemaPointer, p -> factory.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + fragment(p)), config));
        int count = 0;
        var messages = schema.validate(instance);
        for (ValidationMessage message : messages) {
            if (++count > MAX_MESSAGES_PER_BODY) {
                violations.add(where + ": ... and " + (messages.size() - MAX_MESSAGES_PER_BODY) + " more");
                break;
            }
            violations.add(
                    where + ": " + message.getMessage() + value(message) + " [schema " + schemaName(message) + "]");
        }
    }

    /** The offending value when it is a short scalar the message does not show (a pattern, a format). */
    private static String value(ValidationMessage message) {
        JsonNode node = message.getInstanceNode();
        if (node == null || !node.isValueNode() || node.isNull() || "type".equals(message.getType())) {
            return "";
        }
        String text = node.toString();
        return " (value " + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + ")";
    }

    /** The part of the contract that said no, e.g. {@code #/components/schemas/UUID/type}. */
    private static String schemaName(ValidationMessage message) {
        String location = String.valueOf(message.getSchemaLocation());
        int hash = location.indexOf('#');
        return hash < 0 ? location : location.substring(hash);
    }

    private static String matchMediaType(JsonNode content, String mediaType) {
        String wildcard = null;
        for (Iterator<String> names = content.fieldNames(); names.hasNext(); ) {
            String declared = names.next();
            String base = mediaType(declared);
            if (mediaType.equals(base)) {
                return declared;
            }
            if (wildcard == null
                    && ("*/*".equals(base)
                            || (base != null
                                    && base.endsWith("/*")
                                    && mediaType.startsWith(base.substring(0, base.length() - 1))))) {
                wildcard = declared;
            }
        }
        return wildcard;
    }

    /** {@code application/json; charset=UTF-8} -> {@code application/json}; null when there is none. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String base = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
        return base.isEmpty() ? null : base;
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private Optional<Operation> find(String method, String rawPath) {
        String path = stripQuery(rawPath);
        String verb = method.toLowerCase(Locale.ROOT);
        if (!METHODS.contains(verb)) {
            return Optional.empty();
        }
        // As the server routes: the most specific path first, then the method (none: a 405).
        for (Template template : templates) {
            if (template.matches(path)) {
                JsonNode item = document.path("paths").path(template.text);
                if (!item.has(verb)) {
                    return Optional.empty();
                }
                return Optional.of(new Operation(
                        verb, template.text, item.get(verb), "/paths/" + escape(template.text) + "/" + verb));
            }
        }
        return Optional.empty();
    }

    private Ref resolve(Ref ref) {
        Ref current = ref;
        for (int hops = 0; hops < 10 && current.node.has("$ref"); hops++) {
            String target = current.node.get("$ref").asText();
            if (!target.startsWith("#")) {
                throw new IllegalStateException("Only references inside the contract are supported: " + target);
            }
            String pointer = target.substring(1);
            JsonNode node = document.at(pointer);
            if (node.isMissingNode()) {
                throw new IllegalStateException("The contract's reference " + target + " points at nothing");
            }
            current = new Ref(pointer, node);
        }
        return current;
    }

    private static String stripQuery(String rawPath) {
        int cut = rawPath.length();
        int query = rawPath.indexOf('?');
        if (query >= 0) {
            cut = query;
        }
        int hash = rawPath.indexOf('#');
        if (hash >= 0 && hash < cut) {
            cut = hash;
        }
        return rawPath.substring(0, cut);
    }

    /** A JSON pointer token: {@code ~} and {@code /} escaped. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON pointer as a URI fragment: the characters that a fragment may not hold, percent-encoded. */
    private static String fragment(String pointer) {
        StringBuilder out = new StringBuilder();
        for (char c : pointer.toCharArray()) {
            if (c == '{' || c == '}' || c == '%' || c == ' ' || c == '"' || c == '<' || c == '>' || c == '\\'
                    || c == '^' || c == '`' || c == '|') {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String commonLiteralPrefix(List<Template> templates) {
        List<String> prefix = null;
        for (Template template : templates) {
            List<String> literal = new ArrayList<>();
            for (String segment : template.segments) {
                if (segment.contains("{")) {
                    break;
                }
                literal.add(segment);
            }
            if (prefix == null) {
                prefix = literal;
            } else {
                int n = 0;
                while (n < prefix.size() && n < literal.size() && prefix.get(n).equals(literal.get(n))) {
                    n++;
                }
                prefix = new ArrayList<>(prefix.subList(0, n));
            }
        }
        if (prefix == null || prefix.size() <= 1) {
            return "";
        }
        // segments start with the empty one before the leading slash
        return String.join("/", prefix);
    }

    private record Ref(String pointer, JsonNode node) {}

    private record Operation(String method, String template, JsonNode node, String pointer) {
        @Override
        public String toString() {
            String id = node.path("operationId").asText("");
            String call = method.toUpperCase(Locale.ROOT) + " " + template;
            return id.isEmpty() ? call : id + " (" + call + ")";
        }
    }

    private static final class Template {
        final String text;
        final String[] segments;
        final Pattern pattern;

        Template(String text) {
            this.text = text;
            this.segments = text.split("/", -1);
            StringBuilder regex = new StringBuilder();
            var matcher = Pattern.compile("\\{[^}/]+}").matcher(text);
            int last = 0;
            while (matcher.find()) {
                regex.append(Pattern.quote(text.substring(last, matcher.start())));
                regex.append("[^/]+");
                last = matcher.end();
            }
            regex.append(Pattern.quote(text.substring(last)));
            this.pattern = Pattern.compile(regex.toString());
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }

        int literalSegments() {
            int n = 0;
            for (String segment : segments) {
                if (!segment.contains("{")) {
                    n++;
                }
            }
            return n;
        }

        int literalLength() {
            return text.replaceAll("\\{[^}/]+}", "").length();
        }
    }
}
