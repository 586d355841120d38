package id.smartcity.platform.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The file name of a {@code Content-Disposition} header (RFC 6266), read and written. */
public final class ContentDisposition {

    private static final Pattern EXTENDED =
            Pattern.compile("(?i)(?:^|;)\\s*filename\\*\\s*=\\s*UTF-8'[^']*'([^;\\s]+)");
    private static final Pattern QUOTED = Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TOKEN = Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*([^;\"\\s]+)");

    private ContentDisposition() {}

    /** The file name the header gives ({@code filename*} over {@code filename}), or null. */
    public static String fileName(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = EXTENDED.matcher(header);
        if (m.find()) {
            try {
                return URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // Broken percent-encoding: fall back to the plain parameter.
            }
        }
        m = QUOTED.matcher(header);
        if (m.find()) {
            return m.group(1).replaceAll("\\\\(.)", "$1");
        }
        m = TOKEN.matcher(header);
        return m.find() ? m.group(1) : null;
    }

    /**
     * {@code attachment} with the name twice: an ASCII fallback ({@code filename}, other characters
     * as {@code _}) and the exact UTF-8 name ({@code filename*}).
     */
    public static String attachment(String fileName) {
        String ascii =
                fileName.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        String exact = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + exact;
    }
}
