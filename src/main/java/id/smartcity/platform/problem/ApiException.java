package id.smartcity.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by services and resources for every expected failure; {@link ProblemMapper} turns it into
 * a problem+json response. Use the factories so the status and type always agree.
 */
public class ApiException extends RuntimeException {

    private final transient Problem problem;

    private final transient Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(Problem problem) {
        super(problem.detail, null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** A header the problem response carries too, such as {@code Retry-After}. */
    public ApiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException of(ProblemType type, String detail) {
        return new ApiException(new Problem(type, detail, null));
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(new Problem(
                ProblemType.VALIDATION, field + " " + message, List.of(new Problem.FieldError(field, message))));
    }

    public static ApiException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).message()
                : errors.size() + " fields are not valid";
        return new ApiException(new Problem(ProblemType.VALIDATION, detail, errors));
    }

    public static ApiException notFound(String what) {
        return of(ProblemType.NOT_FOUND, what + " not found");
    }

    public static ApiException conflict(String detail) {
        return of(ProblemType.CONFLICT, detail);
    }

    /**
     * 409 for a move a workflow does not allow, naming the current status and, in {@code allowed},
     * the moves it does allow (empty for a final status).
     */
    public static ApiException illegalTransition(
            String what, Enum<?> current, Enum<?> to, List<? extends Enum<?>> allowed) {
        return new ApiException(new Problem(
                        ProblemType.CONFLICT,
                        "A " + current + " " + what + " cannot become " + to + "; allowed: "
                                + (allowed.isEmpty() ? "none" : allowed),
                        null)
                .with("currentStatus", current)
                .with("allowed", allowed));
    }

    /** 422 naming the fields that break a business rule (e.g. a reference to another region). */
    public static ApiException unprocessable(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).message()
                : errors.size() + " fields break business rules";
        return new ApiException(new Problem(ProblemType.BUSINESS_RULE, detail, errors));
    }
}
