package id.smartcity.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One generated request, with notes on what is odd about it (empty when it is meant to be valid). */
final class FuzzRequest {

    final Contract.Operation op;
    final World.Caller caller;
    final String requestId;
    /** The concrete path, not encoded (what the pools are keyed by). */
    String rawPath;
    /** The path as sent, percent-encoded. */
    String path;
    /** The query string as sent, percent-encoded, without '?' (empty when none). */
    String query = "";

    final Map<String, String> headers = new LinkedHashMap<>();
    byte[] body;
    /** The Content-Type to send; null for none. */
    String contentType;
    /** The body as generated, before any byte-level change (for pools and replays). */
    Object bodyValue;

    final List<String> notes = new ArrayList<>();
    /** Whether the path's region is the one the region-scoped callers see. */
    String region;

    FuzzRequest(Contract.Operation op, World.Caller caller, String requestId) {
        this.op = op;
        this.caller = caller;
        this.requestId = requestId;
    }

    String target() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    void note(String what) {
        notes.add(what);
    }

    /** A one-line description for failure reports: method, target, caller, notes and the start of the body. */
    String describe() {
        StringBuilder s = new StringBuilder();
        s.append(op.method()).append(' ').append(abbreviate(target(), 160));
        s.append(" as ").append(caller.label);
        if (!headers.isEmpty()) {
            s.append(" headers ").append(abbreviate(headers.toString(), 160));
        }
        if (contentType != null) {
            s.append(" [").append(contentType).append(']');
        }
        if (body != null) {
            s.append(" body ").append(abbreviate(printable(body), 200));
        }
        if (!notes.isEmpty()) {
            s.append(" {").append(String.join("; ", notes)).append('}');
        }
        s.append(" (X-Request-Id ").append(requestId).append(')');
        return s.toString();
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }

    /** The bytes as text, control characters and bytes that are not UTF-8 shown as escapes. */
    static String printable(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.UTF_8);
        StringBuilder s = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || cp == 0xFFFD || cp == 0xFEFF) {
                s.append(String.format("\\x{%x}", cp));
            } else {
                s.appendCodePoint(cp);
            }
        });
        return s.toString();
    }
}
