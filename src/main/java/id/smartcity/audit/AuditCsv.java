package id.smartcity.audit;

import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 CSV of audit events: every field quoted, quotes doubled, CRLF line ends. Values are
 * exported verbatim (no spreadsheet-formula neutralising): the export is evidence, and the hashes
 * must recompute from it.
 */
final class AuditCsv {

    private AuditCsv() {}

    static void header(Writer w) throws IOException {
        line(
                w,
                "id",
                "occurredAt",
                "actorSubject",
                "actorUsername",
                "actorClientId",
                "regionCode",
                "entityType",
                "entityId",
                "action",
                "before",
                "after",
                "requestId",
                "previousHash",
                "hash");
    }

    static void row(Writer w, AuditEvent e) throws IOException {
        line(
                w,
                Long.toString(e.id()),
                e.occurredAtText(),
                e.actorSubject(),
                e.actorUsername(),
                e.actorClientId(),
                e.regionCode(),
                e.entityType(),
                e.entityId(),
                e.action().name(),
                e.before() == null ? null : CanonicalJson.write(e.before()),
                e.after() == null ? null : CanonicalJson.write(e.after()),
                e.requestId(),
                e.previousHash(),
                e.hash());
    }

    private static void line(Writer w, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            if (fields[i] != null) {
                w.write('"');
                w.write(fields[i].replace("\"", "\"\""));
                w.write('"');
            }
        }
        w.write("\r\n");
    }
}
