package id.smartcity.changes;

import id.smartcity.changes.api.ChangeEventResponse;
import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.CsvColumns;
import java.io.IOException;
import java.io.Writer;

/**
 * The CSV columns of the change feed ({@link Csv} has the format): the JSON event, flattened, each
 * column's name and value defined together.
 */
final class ChangeCsv {

    private ChangeCsv() {}

    static final CsvColumns<ChangeEventResponse> COLUMNS = CsvColumns.<ChangeEventResponse>builder()
            .add("id", ChangeEventResponse::id)
            .add("type", ChangeEventResponse::type)
            .add("occurredAt", ChangeEventResponse::occurredAt)
            .add("regionCode", ChangeEventResponse::regionCode)
            .add("entityType", e -> e.entity().type())
            .add("entityId", e -> e.entity().id())
            .add("href", e -> e.entity().href())
            .add("version", ChangeEventResponse::version)
            .add("auditEventId", ChangeEventResponse::auditEventId)
            .build();

    static void header(Writer w) throws IOException {
        COLUMNS.header(w);
    }

    /** The event as the JSON feed shows it ({@link ChangeEventResponse#of}), one line. */
    static void row(Writer w, ChangeEvent event) throws IOException {
        COLUMNS.row(w, ChangeEventResponse.of(event));
    }
}
