package id.smartcity.fgd;

import id.smartcity.fgd.api.FgdSessionResponse;
import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.CsvBody;
import id.smartcity.platform.http.CsvColumns;
import java.util.List;

/**
 * The CSV columns of FGD sessions ({@link Csv} has the format), each column's name and value
 * defined together.
 */
final class FgdCsv {

    private FgdCsv() {}

    static final CsvColumns<FgdSessionResponse> COLUMNS = CsvColumns.<FgdSessionResponse>builder()
            .add("id", FgdSessionResponse::id)
            .add("regionCode", FgdSessionResponse::regionCode)
            .add("title", FgdSessionResponse::title)
            .add("dimension", FgdSessionResponse::dimension)
            .add("bimtekStage", FgdSessionResponse::bimtekStage)
            .add("bimtekDay", FgdSessionResponse::bimtekDay)
            .add("scheduledStart", FgdSessionResponse::scheduledStart)
            .add("scheduledEnd", FgdSessionResponse::scheduledEnd)
            .add("venue", FgdSessionResponse::venue)
            .add("facilitatorStakeholderId", FgdSessionResponse::facilitatorStakeholderId)
            .add("facilitatorName", FgdSessionResponse::facilitatorName)
            .add("status", FgdSessionResponse::status)
            .add("statusReason", FgdSessionResponse::statusReason)
            .add("hasMinutes", FgdSessionResponse::hasMinutes)
            .add("version", FgdSessionResponse::version)
            .add("bimtekStageId", FgdSessionResponse::bimtekStageId)
            .build();

    static CsvBody body(List<FgdSessionResponse> rows) {
        return COLUMNS.body(rows);
    }
}
