package id.smartcity.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). The only error shape the API
 * ever sends; its contract schema is written by {@link ProblemResponsesFilter}. {@code type} is a stable URN per kind of problem (see {@link ProblemType}); {@code
 * instance} is the request path; {@code requestId} is the request's {@code X-Request-Id}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "errors"})
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    public final String type;

    public final String title;

    public final int status;

    public final String detail;

    public String instance;

    public String requestId;

    public final List<FieldError> errors;

    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(ProblemType type, String detail, List<FieldError> errors) {
        this.type = type.uri();
        this.title = type.title();
        this.status = type.status();
        this.detail = detail;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
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
    public record FieldError(String field, String message) {}
}
