package id.smartcity.audit;

import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.CsvColumns;
import java.io.IOException;
import java.io.Writer;

/**
 * The CSV columns of audit events ({@link Csv} has the format), each column's name and value
 * defined together; the hashes recompute from them.
 */
final class AuditCsv {

    private AuditCsv() {}

    static final CsvColumns<AuditEvent> COLUMNS = CsvColumns.<AuditEvent>builder()
            .add("id", AuditEvent::id)
            .add("occurredAt", AuditEvent::occurredAtText)
            .add("actorSubject", AuditEvent::actorSubject)
            .add("actorUsername", AuditEvent::actorUsername)
            .add("actorClientId", AuditEvent::actorClientId)
            .add("regionCode", AuditEvent::regionCode)
            .add("entityType", AuditEvent::entityType)
            .add("entityId", AuditEvent::entityId)
            .add("action", AuditEvent::action)
            .add("before", e -> e.before() == null ? null : CanonicalJson.write(e.before()))
            .add("after", e -> e.after() == null ? null : CanonicalJson.write(e.after()))
            .add("requestId", AuditEvent::requestId)
            .add("previousHash", AuditEvent::previousHash)
            .add("hash", AuditEvent::hash)
            .build();

    static void header(Writer w) throws IOException {
        COLUMNS.header(w);
    }

    static void row(Writer w, AuditEvent e) throws IOException {
        COLUMNS.row(w, e);
    }
}
