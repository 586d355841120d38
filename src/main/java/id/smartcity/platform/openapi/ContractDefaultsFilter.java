package id.smartcity.platform.openapi;

import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.security.RegionCodes;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Describes, once for the whole contract, what shared mechanisms do on every operation: the CORS
 * header that any response may carry ({@code quarkus.http.cors}), the {@code ETag} and {@code
 * Location} headers ({@link ETags}), the {@code If-Match}/{@code If-None-Match} headers ({@link
 * ETags}), the {@code {regionCode}} segment (checked by {@code RegionCodeFilter}) and the strict
 * reading of request bodies ({@code quarkus.jackson.fail-on-unknown-properties}). Resources
 * name these headers and parameters; their schema is written here only, so that it is the same
 * everywhere. Runs after the other filters (lowest priority), so that it also sees the responses
 * they add.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = -1000)
public class ContractDefaultsFilter implements OASFilter {

    static final String CORS_HEADER = "Access-Control-Allow-Origin";
    private static final String SCHEMAS = "#/components/schemas/";
    /** On a derived merge-patch schema: the schema it derives from (whose bounds are enforced). */
    public static final String MERGE_PATCH_OF = "x-merge-patch-of";
    /** What an {@code If-Match} header means where the operation does not say otherwise. */
    static final String IF_MATCH = "ETag of the version the change is based on";
    /** What the {@code {regionCode}} segment is where the operation does not say otherwise. */
    static final String REGION_CODE = "Kemendagri code, e.g. 33.03";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = OpenApiTrees.components(openAPI);
        components.addHeader(
                CORS_HEADER,
                OASFactory.createHeader()
                        .description("The caller's Origin, when it is one of the configured CORS_ORIGINS;"
                                + " absent otherwise")
                        .schema(string(2048).format("uri")));
        components.addHeader(
                "ETag",
                OASFactory.createHeader()
                        .description("The version of the resource (or a digest of an aggregate), quoted: send it"
                                + " back in If-Match or If-None-Match. A representation without personal data"
                                + " (for roles that may not see it) has a tag of its own")
                        .schema(string(66).pattern("^\"[0-9a-f]{1,64}\"$").examples(List.of("\"3\""))));
        components.addHeader(
                "Location",
                OASFactory.createHeader()
                        .description("URL of the created resource")
                        .schema(string(2048).format("uri")));
        openAPI.setServers(List.of(OASFactory.createServer()
                .url("/")
                .description("The deployment that serves this contract (production, staging or local)")
                .addExtension("x-internal", Boolean.FALSE)));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> requestSchemas = new TreeSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            parameters(item.getParameters());
            for (Operation operation : item.getOperations().values()) {
                parameters(operation.getParameters());
                if (operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null) {
                    for (MediaType media : operation
                            .getRequestBody()
                            .getContent()
                            .getMediaTypes()
                            .values()) {
                        reach(media.getSchema(), components, requestSchemas);
                    }
                }
                if (operation.getResponses() == null) {
                    continue;
                }
                versionHeaders(operation, components);
                for (APIResponse response :
                        operation.getResponses().getAPIResponses().values()) {
                    headers(response);
                    csvAsText(response);
                }
            }
        }
        // Every object a request body can hold rejects unknown properties (400): say so, so that
        // generated clients and validators agree. Objects that responses share get it too.
        requestSchemas.addAll(mergePatchSchemas(openAPI, components));
        for (String name : requestSchemas) {
            Schema schema = components.getSchemas().get(name);
            if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.additionalPropertiesBoolean(Boolean.FALSE);
            }
        }
    }

    /**
     * A PATCH body is a JSON Merge Patch (RFC 7396) of the resource's write representation: any of
     * its properties, none required, {@code null} to clear an optional one. Each PATCH operation's body schema
     * {@code X} becomes {@code XPatch}, derived here from {@code X} — so that the contract accepts
     * what the server accepts and a generated client can send a partial change.
     */
    private static Set<String> mergePatchSchemas(OpenAPI openAPI, Components components) {
        Set<String> derivedNames = new TreeSet<>();
        if (components.getSchemas() == null) {
            return derivedNames;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            Operation patch = item.getPATCH();
            if (patch == null
                    || patch.getRequestBody() == null
                    || patch.getRequestBody().getContent() == null
                    || !patch.getRequestBody().getContent().hasMediaType("application/merge-patch+json")) {
                continue;
            }
            for (MediaType media :
                    patch.getRequestBody().getContent().getMediaTypes().values()) {
                Schema body = media.getSchema();
                if (body == null || body.getRef() == null || !body.getRef().startsWith(SCHEMAS)) {
                    continue;
                }
                String name = body.getRef().substring(SCHEMAS.length());
                Schema whole = components.getSchemas().get(name);
                if (whole != null
                        && whole.getExtensions() != null
                        && whole.getExtensions().containsKey(MERGE_PATCH_OF)) {
                    // Derived already: the media types of one body may share their schema.
                    derivedNames.add(name);
                    continue;
                }
                if (whole == null || whole.getProperties() == null) {
                    continue;
                }
                String patchName = name + "Patch";
                if (!components.getSchemas().containsKey(patchName)) {
                    Schema derived = OASFactory.createSchema()
                            .type(List.of(Schema.SchemaType.OBJECT))
                            .description("A JSON Merge Patch (RFC 7396) of " + name
                                    + ": only the properties to change; null clears an optional one")
                            .addExtension(MERGE_PATCH_OF, name);
                    List<String> required = whole.getRequired() == null ? List.of() : whole.getRequired();
                    whole.getProperties()
                            .forEach((property, schema) -> derived.addProperty(
                                    property, required.contains(property) ? schema : nullable(schema)));
                    components.addSchema(patchName, derived);
                }
                media.setSchema(OASFactory.createSchema().ref(SCHEMAS + patchName));
                derivedNames.add(patchName);
            }
        }
        return derivedNames;
    }

    /**
     * An optional property of a merge patch, also taking null (clears it): a typed scalar gets
     * {@code "null"} added to its types (on a copy: the property's own schema is shared); a
     * {@code $ref} becomes {@code anyOf} the reference or null. An array stays as it is (sent
     * whole, or left out).
     */
    private static Schema nullable(Schema schema) {
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.ARRAY)) {
            return schema;
        }
        Schema nothing = OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL));
        if (schema.getRef() != null || schema.getType() == null) {
            return OASFactory.createSchema().anyOf(List.of(schema, nothing));
        }
        Schema copy = OASFactory.createSchema();
        copy.setAll(new java.util.LinkedHashMap<>(schema.getAll()));
        if (!schema.getType().contains(Schema.SchemaType.NULL)) {
            List<Schema.SchemaType> types = new java.util.ArrayList<>(schema.getType());
            types.add(Schema.SchemaType.NULL);
            copy.setType(types);
        }
        return copy;
    }

    /** Adds the names of the component schemas that {@code schema} refers to, transitively. */
    private static void reach(Schema schema, Components components, Set<String> names) {
        if (schema == null) {
            return;
        }
        String ref = schema.getRef();
        if (ref != null && ref.startsWith(SCHEMAS)) {
            String name = ref.substring(SCHEMAS.length());
            if (names.add(name) && components.getSchemas() != null) {
                reach(components.getSchemas().get(name), components, names);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> reach(s, components, names));
        }
        reach(schema.getItems(), components, names);
        for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (parts != null) {
                parts.forEach(s -> reach(s, components, names));
            }
        }
    }

    private static void parameters(List<Parameter> parameters) {
        if (parameters == null) {
            return;
        }
        for (Parameter p : parameters) {
            if (p.getIn() == Parameter.In.HEADER
                    && ("If-Match".equals(p.getName()) || "If-None-Match".equals(p.getName()))) {
                p.setSchema(string(ETags.MAX_CONDITION)
                        .pattern("^(\\*|(W/)?\"[^\"]*\"(\\s*,\\s*(W/)?\"[^\"]*\")*)$")
                        .examples(List.of("\"3\"")));
                if ("If-Match".equals(p.getName())) {
                    describe(p, IF_MATCH);
                }
            } else if (p.getIn() == Parameter.In.PATH && "regionCode".equals(p.getName())) {
                p.setSchema(string(5).pattern(RegionCodes.PATTERN).examples(List.of("33.03")));
                describe(p, REGION_CODE);
            }
        }
    }

    /**
     * The headers {@link ETags} sends, derived from what an operation is, so that resources do not
     * repeat them: a 201 carries {@code Location}, and {@code ETag} when what it creates has a
     * {@code version} (a progress report, immutable, has none); the 200 of an operation that
     * takes {@code If-Match} or {@code If-None-Match} carries {@code ETag}, and one that takes
     * {@code If-None-Match} may answer 304.
     */
    private static void versionHeaders(Operation operation, Components components) {
        boolean ifMatch = hasHeaderParameter(operation, "If-Match");
        boolean ifNoneMatch = hasHeaderParameter(operation, "If-None-Match");
        APIResponse created = operation.getResponses().getAPIResponse("201");
        if (created != null) {
            addHeaderIfAbsent(created, "Location");
            if (versioned(created, components)) {
                addHeaderIfAbsent(created, "ETag");
            }
        }
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok != null && (ifMatch || ifNoneMatch)) {
            addHeaderIfAbsent(ok, "ETag");
        }
        if (ifNoneMatch && operation.getResponses().getAPIResponse("304") == null) {
            operation
                    .getResponses()
                    .addAPIResponse(
                            "304",
                            OASFactory.createAPIResponse().description("If-None-Match names the current version"));
        }
    }

    private static boolean versioned(APIResponse response, Components components) {
        if (response.getContent() == null || components.getSchemas() == null) {
            return false;
        }
        return response.getContent().getMediaTypes().values().stream()
                .map(MediaType::getSchema)
                .filter(schema -> schema != null && schema.getRef() != null)
                .map(schema -> components.getSchemas().get(schema.getRef().substring(SCHEMAS.length())))
                .anyMatch(schema -> schema != null
                        && schema.getProperties() != null
                        && schema.getProperties().containsKey("version"));
    }

    private static boolean hasHeaderParameter(Operation operation, String name) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static void addHeaderIfAbsent(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader());
        }
    }

    private static void headers(APIResponse response) {
        Map<String, Header> headers = response.getHeaders();
        if (headers != null) {
            for (String name : List.of("ETag", "Location")) {
                if (headers.containsKey(name)) {
                    response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
                }
            }
        }
        response.addHeader(CORS_HEADER, OASFactory.createHeader().ref("#/components/headers/" + CORS_HEADER));
    }

    /** Gives a parameter that the operation does not describe its usual description. */
    private static void describe(Parameter parameter, String description) {
        if (parameter.getDescription() == null) {
            parameter.setDescription(description);
        }
    }

    /**
     * A list that a resource also renders as CSV ({@link Csv}) names its JSON schema once, for every
     * media type it produces; the CSV alternative of that schema is text.
     */
    private static void csvAsText(APIResponse response) {
        if (response.getContent() == null || !response.getContent().hasMediaType(Csv.MEDIA_TYPE)) {
            return;
        }
        Schema csv = response.getContent().getMediaType(Csv.MEDIA_TYPE).getSchema();
        if (csv != null && csv.getRef() != null && csv.getRef().startsWith(SCHEMAS)) {
            response.getContent()
                    .addMediaType(
                            Csv.MEDIA_TYPE,
                            OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        }
    }

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(maxLength);
    }
}
