package id.smartcity.stakeholder;

import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.CsvBody;
import id.smartcity.platform.http.CsvColumns;
import id.smartcity.stakeholder.api.StakeholderResponse;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The CSV columns of stakeholders ({@link Csv} has the format), each column's name and value
 * defined together; email and phone only when the caller may see personal data.
 */
final class StakeholderCsv {

    private StakeholderCsv() {}

    static final CsvColumns<StakeholderResponse> COLUMNS = columns(false);

    /** With email and phone, after position. */
    static final CsvColumns<StakeholderResponse> PERSONAL_COLUMNS = columns(true);

    /** The whole export: the header, then one row per stakeholder. */
    static CsvBody body(List<StakeholderResponse> rows, boolean personal) {
        return (personal ? PERSONAL_COLUMNS : COLUMNS).body(rows);
    }

    private static CsvColumns<StakeholderResponse> columns(boolean personal) {
        CsvColumns.Builder<StakeholderResponse> columns = CsvColumns.<StakeholderResponse>builder()
                .add("id", StakeholderResponse::id)
                .add("regionCode", StakeholderResponse::regionCode)
                .add("name", StakeholderResponse::name)
                .add("kind", StakeholderResponse::kind)
                .add("organisation", StakeholderResponse::organisation)
                .add("position", StakeholderResponse::position);
        if (personal) {
            columns.add("email", StakeholderResponse::email).add("phone", StakeholderResponse::phone);
        }
        return columns.add(
                        "memberships",
                        s -> s.memberships().stream()
                                .map(m -> m.dimension() + ":" + m.role())
                                .collect(Collectors.joining(";")))
                .add("active", StakeholderResponse::active)
                .add("version", StakeholderResponse::version)
                .add("createdAt", StakeholderResponse::createdAt)
                .add("updatedAt", StakeholderResponse::updatedAt)
                .build();
    }
}
