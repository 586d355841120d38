package id.smartcity.quickwin;

import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.CsvBody;
import id.smartcity.platform.http.CsvColumns;
import id.smartcity.quickwin.api.QuickWinResponse;
import java.util.List;

/**
 * The CSV columns of quick wins ({@link Csv} has the format), each column's name and value defined
 * together.
 */
final class QuickWinCsv {

    private QuickWinCsv() {}

    static final CsvColumns<QuickWinResponse> COLUMNS = CsvColumns.<QuickWinResponse>builder()
            .add("id", QuickWinResponse::id)
            .add("regionCode", QuickWinResponse::regionCode)
            .add("title", QuickWinResponse::title)
            .add("dimension", QuickWinResponse::dimension)
            .add("status", QuickWinResponse::status)
            .add("fgdSessionId", QuickWinResponse::fgdSessionId)
            .add("leadStakeholderId", QuickWinResponse::leadStakeholderId)
            .add("plannedBudget", QuickWinResponse::plannedBudget)
            .add("budgetRealised", QuickWinResponse::budgetRealised)
            .add("currency", QuickWinResponse::currency)
            .add("fundingSource", QuickWinResponse::fundingSource)
            .add("targetYear", QuickWinResponse::targetYear)
            .add("startDate", QuickWinResponse::startDate)
            .add("endDate", QuickWinResponse::endDate)
            .add("progressPercent", r -> r.progress().percent().exact())
            .add("progressSource", r -> r.progress().source())
            .add("version", QuickWinResponse::version)
            .build();

    static CsvBody body(List<QuickWinResponse> rows) {
        return COLUMNS.body(rows);
    }
}
