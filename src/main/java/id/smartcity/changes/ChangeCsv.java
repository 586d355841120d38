package id.smartcity.changes;

import id.smartcity.changes.api.ChangeEventResponse;
import id.smartcity.platform.http.Csv;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/** The CSV columns of the change feed ({@link Csv} has the format): the JSON event, flattened. */
final class ChangeCsv {

    private ChangeCsv() {}

    static void header(Writer w) throws IOException {
        Csv.line(
                w,
                Arrays.asList(
                        "id",
                        "type",
                        "occurredAt",
                        "regionCode",
                        "entityType",
                        "entityId",
                        "href",
                        "version",
                        "auditEventId"));
    }

    static void row(Writer w, ChangeEvent event) throws IOException {
        ChangeEventResponse e = ChangeEventResponse.of(event);
        Csv.line(
                w,
                Arrays.asList(
                        e.id(),
                        e.type(),
                        e.occurredAt(),
                        e.regionCode(),
                        e.entity().type(),
                        e.entity().id(),
                        e.entity().href(),
                        Integer.toString(e.version()),
                        Long.toString(e.auditEventId())));
    }
}
