package id.smartcity.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV exports (RFC 4180): every present field quoted, quotes doubled, CRLF line ends, UTF-8. An
 * absent value is an empty unquoted field. Values are written verbatim: exports are evidence.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {}

    public static void line(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String field = fields.get(i);
            if (field != null) {
                w.write('"');
                w.write(field.replace("\"", "\"\""));
                w.write('"');
            }
        }
        w.write("\r\n");
    }

    /** True when the caller prefers CSV to JSON (the first acceptable type that is one of them). */
    public static boolean wanted(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    /** A streamed attachment. */
    public static Response attachment(String filename, CsvBody body) {
        return Response.ok(body, MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
