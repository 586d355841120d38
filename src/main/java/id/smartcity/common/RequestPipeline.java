package id.smartcity.common;

import jakarta.ws.rs.Priorities;

/**
 * The priorities of the API's REST request filters, in the order a request meets them (lower
 * runs first). The filters reference these constants, so this list is the order.
 */
public final class RequestPipeline {

    /** {@link StrictRequestFilter}: the text of query, path and the headers the API reads. */
    public static final int STRICT_TEXT = Priorities.AUTHENTICATION - 500;

    /** {@code HttpProblems}: a body of undeclared length is counted against the limit. */
    public static final int BODY_LIMIT = Priorities.AUTHENTICATION;

    /** {@code RegionCodeFilter}: the path's region code, its format and whether the caller sees it. */
    public static final int REGION = Priorities.USER;

    private RequestPipeline() {}
}
