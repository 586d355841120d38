package id.smartcity.platform.problem;

/**
 * The kinds of problem the API reports. The URN in {@code type} is stable: clients may switch on
 * it. src/docs/api-conventions.md lists them.
 */
public enum ProblemType {
    VALIDATION(400, "validation", "Request is not valid"),
    MALFORMED(400, "malformed-request", "Request body is not valid JSON"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    IDEMPOTENCY_KEY_IN_USE(409, "idempotency-key-in-use", "Idempotency key in use"),
    GONE(410, "gone", "Gone"),
    PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    RANGE_NOT_SATISFIABLE(416, "range-not-satisfiable", "Range not satisfiable"),
    BUSINESS_RULE(422, "business-rule", "Business rule violated"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency key reused"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    INTERNAL(500, "internal", "Internal error"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service temporarily unavailable");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "urn:smartcity:problem:" + slug;
    }
}
