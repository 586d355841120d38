package id.smartcity.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import id.smartcity.platform.openapi.ProblemResponsesFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). The only error shape the API
 * ever sends; its contract schema is written by {@link ProblemResponsesFilter}. {@code type} is a stable URN per kind of problem (see {@link ProblemType}); {@code
 * instance} is the request path; {@code requestId} is the request's {@code X-Request-Id}; {@code
 * traceId} its W3C trace id when tracing is on (absent otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "traceId", "errors"})
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    // Bounds of the contract's Problem schema. Details and field errors may quote what the caller
    // sent (a header, a property name): they are cut, never reflected at any length.
    public static final int MAX_DETAIL = 2000;
    public static final int MAX_ERRORS = 100;
    public static final int MAX_FIELD = 200;
    public static final int MAX_MESSAGE = 500;

    public final String type;

    public final String title;

    public final int status;

    public final String detail;

    public String instance;

    public String requestId;

    public String traceId;

    public final List<FieldError> errors;

    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(ProblemType type, String detail, List<FieldError> errors) {
        this.type = type.uri();
        this.title = type.title();
        this.status = type.status();
        this.detail = cut(detail, MAX_DETAIL);
        this.errors = errors == null || errors.isEmpty()
                ? null
                : List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
    }

    /** Adds a problem-type-specific member, such as the allowed next states of a transition. */
    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** One invalid input: a JSON property path (or query parameter name) and what is wrong. */
    public record FieldError(String field, String message) {

        public FieldError {
            field = cut(field, MAX_FIELD);
            message = cut(message, MAX_MESSAGE);
        }
    }

    /** {@code text} cut to at most {@code max} characters, the last being an ellipsis when cut. */
    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
