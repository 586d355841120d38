package id.smartcity.platform.openapi;

import id.smartcity.platform.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Gives every operation of the contract the problem responses that the shared mechanisms can
 * produce for it, and gives every 4xx/5xx response the {@code application/problem+json} body, so
 * that a new endpoint is documented correctly without repeating annotations. Operation-specific
 * problems (409, 422) are declared on the operation with {@code @APIResponse} and get their body
 * here. {@link RetryContract} adds the rate-limit responses and headers of every operation and the
 * {@code Idempotency-Key} of every POST.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    /** The general wording of each problem status; {@link SharedComponentsFilter} shares the responses that keep it. */
    static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "The request is not valid: the problem names each invalid field or parameter"),
            Map.entry("401", "No bearer token, or the token is not valid"),
            Map.entry("403", "The caller's role does not allow this operation"),
            Map.entry("404", "Unknown, or in a region the caller cannot see"),
            Map.entry("406", "The Accept header asks for a media type the operation cannot produce"),
            Map.entry("409", "Conflicts with the current state"),
            Map.entry("412", "If-Match does not name the current version"),
            Map.entry("413", "The request body is too large"),
            Map.entry("415", "The Content-Type is not supported"),
            Map.entry("422", "A business rule forbids it"),
            Map.entry("500", "Unexpected error; the problem carries the requestId to report"),
            Map.entry("503", "The database cannot be reached for a moment; retry after Retry-After seconds"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        addProblemSchemas(openAPI);
        RetryContract.addComponents(openAPI.getComponents());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> entry :
                openAPI.getPaths().getPathItems().entrySet()) {
            boolean pathParams = entry.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> op :
                    entry.getValue().getOperations().entrySet()) {
                complete(op.getKey(), op.getValue(), pathParams);
            }
        }
    }

    private static void complete(PathItem.HttpMethod method, Operation operation, boolean pathParams) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean body = operation.getRequestBody() != null;
        boolean conditionalWrite = method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.DELETE;
        // If-Match is honoured wherever it is a parameter, POST transitions and invitations included.
        boolean ifMatch = operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
        // Any write can meet a concurrent one (a version moved, a unique key taken meanwhile): 409.
        boolean write = conditionalWrite || method == PathItem.HttpMethod.POST;

        ensure(responses, "401");
        ensure(responses, "403");
        ensure(responses, "406");
        ensure(responses, "500");
        ensure(responses, "503");
        // Every operation: a query parameter it does not declare, or text that StrictRequestFilter
        // refuses in a parameter or a header it reads, is a 400.
        ensure(responses, "400");
        if (pathParams) {
            ensure(responses, "404");
        }
        if (body) {
            ensure(responses, "413");
            ensure(responses, "415");
        }
        if (conditionalWrite || ifMatch) {
            ensure(responses, "412");
        }
        if (write) {
            ensure(responses, "409");
        }
        RetryContract.addResponses(method, operation, DESCRIPTIONS);
        // Status order reads best; the REST scanner and this filter add responses in their own order.
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        responses.setAPIResponses(new LinkedHashMap<>(sorted));
        for (Map.Entry<String, APIResponse> response :
                responses.getAPIResponses().entrySet()) {
            String code = response.getKey();
            if ((code.startsWith("4") || code.startsWith("5"))
                    && response.getValue().getContent() == null) {
                response.getValue()
                        .setContent(OASFactory.createContent()
                                .addMediaType(
                                        Problem.MEDIA_TYPE,
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref(PROBLEM_REF))));
            }
        }
        RetryContract.addHeaders(method, responses);
    }

    private static void ensure(APIResponses responses, String code) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(DESCRIPTIONS.get(code)));
        }
    }

    private static void addProblemSchemas(OpenAPI openAPI) {
        Components components = OpenApiTrees.components(openAPI);
        Schema fieldError = OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("One invalid field, parameter or header")
                .addProperty("field", string("limit").maxLength(Problem.MAX_FIELD))
                .addProperty("message", string("must be between 1 and 100").maxLength(Problem.MAX_MESSAGE))
                .required(List.of("field", "message"));
        Schema problem = OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details, the body of every error response")
                .addProperty(
                        "type",
                        string("urn:smartcity:problem:validation").format("uri").maxLength(100))
                .addProperty("title", string("Request is not valid").maxLength(100))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.INTEGER))
                                .format("int32")
                                .minimum(new BigDecimal(400))
                                .maximum(new BigDecimal(599)))
                .addProperty("detail", string("limit must be between 1 and 100").maxLength(Problem.MAX_DETAIL))
                .addProperty(
                        "instance",
                        string("/api/v1/regions").format("uri-reference").maxLength(4096))
                .addProperty(
                        "requestId",
                        string("4f9d3c1e-6a3b-4e0e-9a57-2b8f3f0c2d11")
                                .pattern("^[A-Za-z0-9._:-]{1,64}$")
                                .maxLength(64))
                .addProperty(
                        "traceId",
                        string("4bf92f3577b34da6a3ce929d0e0e4736")
                                .description("The request's W3C trace id, as in the traceresponse header; only while"
                                        + " the service records traces")
                                .pattern("^[0-9a-f]{32}$")
                                .maxLength(32))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.ARRAY))
                                .description("At most the first " + Problem.MAX_ERRORS)
                                .maxItems(Problem.MAX_ERRORS)
                                .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status"))
                .additionalPropertiesBoolean(Boolean.TRUE);
        components.addSchema("FieldError", fieldError);
        components.addSchema("Problem", problem);
    }

    private static Schema string(String example) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).examples(List.of(example));
    }
}
