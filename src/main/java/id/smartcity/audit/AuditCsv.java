package id.smartcity.audit;

import id.smartcity.platform.http.Csv;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/** The CSV columns of audit events ({@link Csv} has the format); the hashes recompute from them. */
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
        Csv.line(w, Arrays.asList(fields));
    }
}
