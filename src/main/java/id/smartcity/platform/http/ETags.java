package id.smartcity.platform.http;

import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.ProblemType;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Optimistic concurrency over HTTP. The entity tag is the entity's version, quoted ({@code "3"}).
 * {@code If-None-Match} on a GET answers 304; a stale {@code If-Match} on a write answers 412.
 */
public final class ETags {

    /** Longest If-Match / If-None-Match accepted: {@code *} or a few quoted entity tags. */
    public static final int MAX_CONDITION = 200;

    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*");

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with the body and its ETag, or 304 when {@code ifNoneMatch} already names this version. */
    public static <T> RestResponse<T> ok(T body, long version, String ifNoneMatch) {
        return ok(body, Long.toString(version), ifNoneMatch);
    }

    /**
     * The same for a representation without a version of its own (an aggregate): {@code tag} is
     * then a digest of its content.
     */
    public static <T> RestResponse<T> ok(T body, String tag, String ifNoneMatch) {
        String etag = "\"" + tag + "\"";
        if (ifNoneMatch != null && matchesAny(ifNoneMatch, tag, true)) {
            return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.NOT_MODIFIED)
                    .header("ETag", etag)
                    .build();
        }
        return RestResponse.ResponseBuilder.ok(body).header("ETag", etag).build();
    }

    /** Whether {@code If-None-Match} names this tag (weak comparison, {@code *} included). */
    public static boolean notModified(String ifNoneMatch, String tag) {
        return ifNoneMatch != null && matchesAny(ifNoneMatch, tag, true);
    }

    /**
     * Whether {@code If-Range} lets a range be served (RFC 9110 §13.1.5): absent, or naming this
     * tag by strong comparison. A date or another tag means the whole representation is sent.
     */
    public static boolean rangeApplies(String ifRange, String tag) {
        if (ifRange == null) {
            return true;
        }
        Matcher m = TAG.matcher(ifRange);
        return m.matches() && m.group(1) == null && m.group(2).equals(tag);
    }

    public static <T> RestResponse<T> created(URI location, T body, long version) {
        return RestResponse.ResponseBuilder.<T>created(location)
                .entity(body)
                .header("ETag", of(version))
                .build();
    }

    /**
     * Throws 412 when an {@code If-Match} header is present and names neither this version nor
     * {@code *}. Strong comparison (RFC 9110 §13.1.1): a weak tag never matches.
     */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        checkIfMatch(ifMatch, Long.toString(currentVersion));
    }

    /** The same for a representation whose tag is not its version (a digest of an aggregate). */
    public static void checkIfMatch(String ifMatch, String currentTag) {
        if (ifMatch == null) {
            return;
        }
        if (!matchesAny(ifMatch, currentTag, false)) {
            throw ApiException.of(
                    ProblemType.PRECONDITION_FAILED,
                    "If-Match " + ifMatch.trim() + " does not match the current version \"" + currentTag + "\""
                            + "; read the resource again and reapply your change");
        }
    }

    private static boolean matchesAny(String header, String wanted, boolean weakAllowed) {
        if (header.length() > MAX_CONDITION) {
            throw ApiException.invalid(
                    weakAllowed ? "If-None-Match" : "If-Match", "must be at most " + MAX_CONDITION + " characters");
        }
        if (header.trim().equals("*")) {
            return true;
        }
        boolean wellFormed = false;
        for (String part : header.split(",")) {
            Matcher m = TAG.matcher(part);
            if (!m.matches()) {
                continue;
            }
            wellFormed = true;
            if (m.group(2).equals(wanted) && (weakAllowed || m.group(1) == null)) {
                return true;
            }
        }
        if (!wellFormed) {
            String header1 = weakAllowed ? "If-None-Match" : "If-Match";
            throw ApiException.invalid(header1, "must be * or a list of quoted entity tags such as \"3\"");
        }
        return false;
    }
}
