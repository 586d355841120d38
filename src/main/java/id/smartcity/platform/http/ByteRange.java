package id.smartcity.platform.http;

import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.ProblemType;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a {@code Range} header (RFC 9110 §14): {@code bytes=first-last}, {@code
 * bytes=first-} or {@code bytes=-suffix}. A header that is not one such range (another unit,
 * several ranges, bad syntax) is ignored, as the RFC allows: the whole content is sent. A range
 * that starts at or past the end is a 416 problem with {@code Content-Range: bytes *}{@code /size}.
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d{0,19})\\s*-\\s*(\\d{0,19})\\s*");

    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value for a content of {@code size} bytes. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** The range the header asks for within {@code size} bytes, or empty to send everything. */
    public static Optional<ByteRange> of(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) {
                    throw unsatisfiable(size);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
            if (last < first) {
                return Optional.empty();
            }
            if (first >= size) {
                throw unsatisfiable(size);
            }
            return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ApiException unsatisfiable(long size) {
        return ApiException.of(
                        ProblemType.RANGE_NOT_SATISFIABLE,
                        "The range asks for bytes past the end of the content, which has " + size + " bytes")
                .withHeader("Content-Range", "bytes */" + size);
    }
}
