package id.smartcity.platform.input;

import id.smartcity.platform.problem.ApiException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one rule for the text a request may carry (DESIGN §4), wherever it comes from — a JSON
 * string ({@link JsonConfig}), a query parameter, a path segment or a header the API reads
 * ({@link StrictRequestFilter}), a request body's bytes ({@link StrictUtf8Body}): no NUL, no other
 * C0 control than TAB, LF and CR, no DEL, no unpaired surrogate, and bytes that are well-formed
 * UTF-8 (no overlong forms, no encoded surrogates). Lengths are counted in code points, as JSON
 * Schema's {@code maxLength} counts them.
 */
public final class StrictText {

    /** What a refused text is told, after the name of the field or parameter. */
    public static final String CONTROL = "must not contain control characters other than TAB, LF and CR";

    public static final String SURROGATE = "must not contain unpaired surrogates (invalid Unicode)";
    public static final String UTF8 = "must be well-formed UTF-8";

    private StrictText() {}

    /** Null when {@code text} is acceptable, otherwise the message naming what is wrong with it. */
    public static String problem(CharSequence text) {
        if (text == null) {
            return null;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return CONTROL;
                }
            } else if (c >= 0x7F && c <= 0x9F) {
                // DEL and the C1 controls (U+0080..U+009F: NEL, CSI, ...), which no text here means.
                return CONTROL;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return SURROGATE;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return SURROGATE;
            }
        }
        return null;
    }

    /** Throws a 400 naming {@code field} when {@code text} breaks the rule; returns it otherwise. */
    public static String require(String field, String text) {
        String problem = problem(text);
        if (problem != null) {
            throw ApiException.invalid(field, problem);
        }
        return text;
    }

    /** The length in code points (what a person and JSON Schema count as characters). */
    public static int length(CharSequence text) {
        return Character.codePointCount(text, 0, text.length());
    }

    /**
     * Percent-decodes {@code raw} (a query component or path segment; {@code plusIsSpace} for
     * queries) and decodes the bytes as strict UTF-8. Throws a 400 naming {@code field} when the
     * encoding is broken or the text breaks the rule.
     */
    public static String decode(String field, String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
            return require(field, raw);
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw ApiException.invalid(field, "is not validly percent-encoded");
                }
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.put((byte) ' ');
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer text = decoder.decode(bytes);
            return require(field, text.toString());
        } catch (CharacterCodingException e) {
            throw ApiException.invalid(field, UTF8);
        }
    }

    /**
     * A short, cleaned excerpt of what a client sent, for a problem's detail: at most {@code max}
     * code points, controls and unpaired surrogates replaced with U+FFFD, an ellipsis when cut.
     */
    public static String excerpt(String sent, int max) {
        if (sent == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < sent.length(); ) {
            int cp = sent.codePointAt(i);
            int width = Character.charCount(cp);
            if (count == max) {
                out.append('…');
                break;
            }
            boolean bad = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xD800 && cp <= 0xDFFF);
            out.appendCodePoint(bad ? 0xFFFD : cp);
            count++;
            i += width;
        }
        return out.toString();
    }
}
