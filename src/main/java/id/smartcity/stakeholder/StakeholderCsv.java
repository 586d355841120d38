package id.smartcity.stakeholder;

import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.CsvBody;
import id.smartcity.stakeholder.api.StakeholderResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The CSV columns of stakeholders ({@link Csv} has the format); email and phone only when the
 * caller may see personal data.
 */
final class StakeholderCsv {

    private StakeholderCsv() {}

    /** The whole export: the header, then one row per stakeholder. */
    static CsvBody body(List<StakeholderResponse> rows, boolean personal) {
        return CsvBody.of(w -> header(w, personal), rows, (w, s) -> row(w, s, personal));
    }

    static void header(Writer w, boolean personal) throws IOException {
        List<String> columns = new ArrayList<>(List.of("id", "regionCode", "name", "kind", "organisation", "position"));
        if (personal) {
            columns.addAll(List.of("email", "phone"));
        }
        columns.addAll(List.of("memberships", "active", "version", "createdAt", "updatedAt"));
        Csv.line(w, columns);
    }

    static void row(Writer w, StakeholderResponse s, boolean personal) throws IOException {
        // Organisation and position are optional: Arrays.asList, which takes nulls (List.of throws).
        List<String> row = new ArrayList<>(Arrays.asList(
                s.id().toString(), s.regionCode(), s.name(), s.kind().name(), s.organisation(), s.position()));
        if (personal) {
            row.add(s.email());
            row.add(s.phone());
        }
        row.add(s.memberships().stream()
                .map(m -> m.dimension() + ":" + m.role())
                .collect(Collectors.joining(";")));
        row.add(Boolean.toString(s.active()));
        row.add(Long.toString(s.version()));
        row.add(s.createdAt().toString());
        row.add(s.updatedAt().toString());
        Csv.line(w, row);
    }
}
