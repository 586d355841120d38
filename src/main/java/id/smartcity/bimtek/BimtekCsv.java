package id.smartcity.bimtek;

import id.smartcity.bimtek.api.BimtekStageResponse;
import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.CsvBody;
import id.smartcity.platform.http.CsvColumns;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The CSV columns of Bimtek stages ({@link Csv} has the format), each column's name and value
 * defined together; days and facilitators joined by "; ".
 */
final class BimtekCsv {

    private BimtekCsv() {}

    static final CsvColumns<BimtekStageResponse> COLUMNS = CsvColumns.<BimtekStageResponse>builder()
            .add("id", BimtekStageResponse::id)
            .add("regionCode", BimtekStageResponse::regionCode)
            .add("cohortYear", BimtekStageResponse::cohortYear)
            .add("stageNumber", BimtekStageResponse::stageNumber)
            .add("title", BimtekStageResponse::title)
            .add("days", s -> s.days().stream().map(d -> d.date().toString()).collect(Collectors.joining("; ")))
            .add("venue", BimtekStageResponse::venue)
            .add(
                    "facilitators",
                    s -> s.facilitators().stream().map(f -> f.name()).collect(Collectors.joining("; ")))
            .add("status", BimtekStageResponse::status)
            .add("statusReason", BimtekStageResponse::statusReason)
            .add("sessions", s -> s.attendance().sessions())
            .add("sessionsHeld", s -> s.attendance().sessionsHeld())
            .add("invited", s -> s.attendance().invited())
            .add("attended", s -> s.attendance().attended())
            .add("absent", s -> s.attendance().absent())
            .add("stakeholdersAttended", s -> s.attendance().stakeholdersAttended())
            .add("version", BimtekStageResponse::version)
            .build();

    static CsvBody body(List<BimtekStageResponse> rows) {
        return COLUMNS.body(rows);
    }
}
