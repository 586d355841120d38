package id.smartcity.platform.openapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The part of the contract that tells a client how to retry: rate limits on every operation
 * ({@code 429} with {@code Retry-After}, {@code RateLimit-*} headers on every 2xx and 4xx
 * response) and {@code Idempotency-Key} on every POST (the header, its {@code 409} and {@code 422},
 * {@code Idempotent-Replayed} on its successes). Applied by {@link ProblemResponsesFilter}.
 */
final class RetryContract {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String IDEMPOTENCY_KEY_PARAMETER = "IdempotencyKey";
    private static final List<String> RATE_LIMIT_HEADERS =
            List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");

    static final String TOO_MANY_REQUESTS =
            "Too many requests from this caller in the current minute: retry after" + " Retry-After seconds";
    private static final String KEY_IN_USE =
            "a request with the same Idempotency-Key is still being processed (retry after Retry-After seconds)";
    private static final String KEY_REUSED = "the Idempotency-Key was used for another request";

    private RetryContract() {}

    static void addComponents(Components components) {
        components.addHeader(
                "RateLimit-Limit",
                header(
                        "Requests this caller may make in the current one-minute window (per user, per service"
                                + " account, or per IP address without a token)",
                        integer(1, Integer.MAX_VALUE)));
        components.addHeader(
                "RateLimit-Remaining",
                header("Requests left to this caller in the current window", integer(0, Integer.MAX_VALUE)));
        components.addHeader(
                "RateLimit-Reset",
                header("Seconds until the current window ends and the count starts again", integer(1, 60)));
        components.addHeader("Retry-After", header("Seconds to wait before retrying", integer(1, 60)));
        components.addHeader(
                "Idempotent-Replayed",
                header(
                        "Present (true) when this is the recorded response to an earlier request with the same"
                                + " Idempotency-Key: nothing was changed again",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .enumeration(List.of("true"))));
        components.addParameter(
                IDEMPOTENCY_KEY_PARAMETER,
                OASFactory.createParameter()
                        .name(IDEMPOTENCY_KEY)
                        .in(Parameter.In.HEADER)
                        .required(false)
                        .description("Makes a retry safe: a request repeated with the same key and the same body (and"
                                + " path) gets the first response again, marked Idempotent-Replayed, and changes"
                                + " nothing. Keys are the caller's own and are kept at least 24 hours. Only successful"
                                + " responses are recorded: after a 4xx or 5xx the same key runs the request again."
                                + " The same key with another body or path is 422; while the first request is"
                                + " still running, 409.")
                        .schema(OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .minLength(1)
                                .maxLength(255)
                                .pattern("^[\\x20-\\x7E]+$")
                                .examples(List.of("5f0c6a8e-3c1b-4f7e-9d2a-0b6e1c4d7a93"))));
    }

    /** Adds the responses that rate limits and idempotency keys can cause, before they are sorted. */
    static void addResponses(PathItem.HttpMethod method, Operation operation, Map<String, String> descriptions) {
        APIResponses responses = operation.getResponses();
        ensure(responses, "429", TOO_MANY_REQUESTS);
        if (method != PathItem.HttpMethod.POST) {
            return;
        }
        operation.addParameter(OASFactory.createParameter().ref(IDEMPOTENCY_KEY_PARAMETER));
        extend(responses, "409", descriptions.get("409"), KEY_IN_USE);
        extend(responses, "422", descriptions.get("422"), KEY_REUSED);
    }

    /** A POST's 409 description: the operation's own (or the general one), then the key's case. */
    static String keyInUse(String description) {
        return or(description, KEY_IN_USE);
    }

    /** A POST's 422 description: the operation's own (or the general one), then the key's case. */
    static String keyReused(String description) {
        return or(description, KEY_REUSED);
    }

    private static String or(String description, String keyCase) {
        return description + "; or " + keyCase;
    }

    /** Declares the headers every response carries, once the responses are complete. */
    static void addHeaders(PathItem.HttpMethod method, APIResponses responses) {
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            String code = entry.getKey();
            APIResponse response = entry.getValue();
            if (code.startsWith("2") || code.startsWith("4")) {
                RATE_LIMIT_HEADERS.forEach(name -> response.addHeader(name, ref(name)));
            }
            if (code.equals("429") || (method == PathItem.HttpMethod.POST && code.equals("409"))) {
                response.addHeader("Retry-After", ref("Retry-After"));
            }
            if (method == PathItem.HttpMethod.POST && code.startsWith("2")) {
                response.addHeader("Idempotent-Replayed", ref("Idempotent-Replayed"));
            }
        }
    }

    private static void ensure(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    /** The operation's own description of the status, or the general one, plus the key's case. */
    private static void extend(APIResponses responses, String code, String general, String keyCase) {
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(or(general, keyCase)));
        } else {
            response.setDescription(or(response.getDescription(), keyCase));
        }
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

    private static Header ref(String name) {
        return OASFactory.createHeader().ref(name);
    }

    private static Schema integer(int minimum, int maximum) {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.INTEGER))
                .format("int32")
                .minimum(new BigDecimal(minimum))
                .maximum(new BigDecimal(maximum));
    }
}
