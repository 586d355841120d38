package id.smartcity.platform.http;

import id.smartcity.platform.problem.ApiException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one writer of every CSV export (RFC 4180): every present field quoted, quotes doubled, CRLF
 * line ends, UTF-8. An absent value is an empty unquoted field.
 *
 * <p>Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with {@code
 * =}, {@code +}, {@code -}, {@code @}, TAB or CR as a formula, so such a cell is written with a
 * leading apostrophe ({@code '=HYPERLINK(...)}), which spreadsheets show as text. Numbers the API
 * itself writes (a negative change such as {@code -0.25}) are left as they are: they are values of
 * the record, not text a person typed. Everything else is written verbatim: exports are evidence.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {}

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    /** One line; a null field (or a null in the list) is an empty field. */
    public static void line(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String field = fields.get(i);
            if (field != null) {
                w.write('"');
                w.write(neutralised(field).replace("\"", "\"\""));
                w.write('"');
            }
        }
        w.write("\r\n");
    }

    /** The cell as a spreadsheet will show it as text, never run it as a formula. */
    static String neutralised(String field) {
        if (field.isEmpty()) {
            return field;
        }
        char first = field.charAt(0);
        boolean formula =
                first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula && !NUMBER.matcher(field).matches() ? "'" + field : field;
    }

    /** True when the caller prefers CSV to JSON (the first acceptable type that is one of them). */
    public static boolean wanted(HttpHeaders headers) {
        List<MediaType> acceptable;
        try {
            acceptable = headers.getAcceptableMediaTypes();
        } catch (IllegalArgumentException e) {
            String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
            if (accept == null || accept.isBlank()) {
                return false; // an empty Accept is no preference: JSON
            }
            throw ApiException.invalid(HttpHeaders.ACCEPT, "must be a list of media ranges such as text/csv");
        }
        for (MediaType type : acceptable) {
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

    /**
     * The answer of an operation that produces JSON and CSV: with {@code Accept: text/csv} (see
     * {@link #wanted}), the CSV as an attachment named {@code filename}; otherwise the JSON entity.
     * Only the one asked for is computed.
     */
    public static Response negotiated(HttpHeaders headers, String filename, Supplier<CsvBody> csv, Supplier<?> json) {
        if (wanted(headers)) {
            return attachment(filename, csv.get());
        }
        return Response.ok(json.get(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A streamed attachment. */
    public static Response attachment(String filename, CsvBody body) {
        return Response.ok(body, MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
