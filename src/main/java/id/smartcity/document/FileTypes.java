package id.smartcity.document;

import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The types a document may have, told from its bytes by Apache Tika (magic numbers and container
 * signatures), never taken from what the client says. The name and the declared type may only
 * narrow what the bytes say within the same family (a ZIP container with the OOXML signature named
 * {@code .docx}; plain text named {@code .csv}); a name or a declared type that contradicts the
 * bytes (a PDF named {@code .png}) is a 415, as is any type not listed here (HTML, SVG, scripts,
 * archives, executables).
 */
final class FileTypes {

    /** The allowed types and the extension a file of the type is given when its name has none. */
    static final Map<String, String> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("application/pdf", "pdf");
        ALLOWED.put("image/png", "png");
        ALLOWED.put("image/jpeg", "jpg");
        ALLOWED.put("image/webp", "webp");
        ALLOWED.put("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
        ALLOWED.put("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
        ALLOWED.put("application/vnd.oasis.opendocument.text", "odt");
        ALLOWED.put("application/vnd.oasis.opendocument.spreadsheet", "ods");
        ALLOWED.put("text/csv", "csv");
    }

    /** At most this many characters of a file name are kept. */
    static final int MAX_NAME = 200;

    private static final Tika TIKA = new Tika();
    private static final MediaTypeRegistry REGISTRY =
            MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

    private FileTypes() {}

    /**
     * The file's type: what its bytes say, narrowed by its name or the declared type where they
     * name a more specific type of the same family; 415 when that type is not allowed or the name
     * or the declared type names another one.
     */
    static String detect(InputStream content, String fileName, String declared) throws IOException {
        MediaType byContent;
        try (InputStream in = TikaInputStream.get(content)) {
            byContent = MediaType.parse(TIKA.detect(in));
        }
        MediaType type = byContent;
        MediaType byName = fileName == null || !fileName.contains(".") ? null : MediaType.parse(TIKA.detect(fileName));
        if (byName != null && byName.equals(MediaType.OCTET_STREAM)) {
            byName = null;
        }
        if (byName != null && REGISTRY.isSpecializationOf(byName, type)) {
            type = byName;
        }
        MediaType said = declared(declared);
        if (said != null && REGISTRY.isSpecializationOf(said, type)) {
            type = said;
        }
        String detected = type.getBaseType().toString();
        if (!ALLOWED.containsKey(detected)) {
            throw refused("The content is " + detected + ", which is not an allowed document type (allowed: "
                    + String.join(", ", ALLOWED.keySet()) + ")");
        }
        if (byName != null && !byName.getBaseType().equals(type.getBaseType())) {
            throw refused("The content is " + detected + " but the file name '" + fileName + "' says "
                    + byName.getBaseType());
        }
        if (said != null && !said.getBaseType().equals(type.getBaseType())) {
            throw refused("The content is " + detected + " but Content-Type says " + said.getBaseType());
        }
        return detected;
    }

    /** The declared type, or null when none or {@code application/octet-stream} (no claim). */
    private static MediaType declared(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        MediaType t = MediaType.parse(declared.trim().toLowerCase(Locale.ROOT));
        if (t == null) {
            throw refused("Content-Type '" + declared + "' is not a media type");
        }
        return t.getBaseType().equals(MediaType.OCTET_STREAM) ? null : t.getBaseType();
    }

    private static ApiException refused(String detail) {
        return ApiException.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
    }

    /**
     * A name safe to store and to send back in {@code Content-Disposition}: the last path segment,
     * NFC, letters, digits, space, {@code . _ - ( )} kept and anything else turned into {@code _},
     * no leading dots, at most {@value #MAX_NAME} characters; {@code document.<ext>} when nothing
     * is left, and the type's extension added when it has none.
     */
    static String sanitise(String name, String mediaType) {
        String n = name == null ? "" : name;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = Normalizer.normalize(n, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder();
        n.codePoints().forEach(c -> {
            boolean keep = Character.isLetterOrDigit(c)
                    || c == ' '
                    || c == '.'
                    || c == '_'
                    || c == '-'
                    || c == '('
                    || c == ')';
            b.appendCodePoint(keep ? c : '_');
        });
        String s =
                b.toString().replaceAll("_{2,}", "_").replaceAll("^[. ]+", "").strip();
        String ext = ALLOWED.getOrDefault(mediaType, "bin");
        if (s.isEmpty() || s.chars().allMatch(c -> c == '_' || c == '.')) {
            s = "document";
        }
        if (!s.contains(".")) {
            s = s + "." + ext;
        }
        if (s.codePointCount(0, s.length()) > MAX_NAME) {
            int dot = s.lastIndexOf('.');
            String tail = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
            s = s.substring(0, s.offsetByCodePoints(0, MAX_NAME - tail.length())) + tail;
        }
        return s;
    }
}
