package id.smartcity.quickwin;

import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.CsvBody;
import id.smartcity.quickwin.api.QuickWinResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The CSV columns of quick wins ({@link Csv} has the format). */
final class QuickWinCsv {

    private QuickWinCsv() {}

    static CsvBody body(List<QuickWinResponse> rows) {
        return CsvBody.of(QuickWinCsv::header, rows, QuickWinCsv::row);
    }

    private static void header(Writer w) throws IOException {
        line(
                w,
                "id",
                "regionCode",
                "title",
                "dimension",
                "status",
                "fgdSessionId",
                "leadStakeholderId",
                "plannedBudget",
                "budgetRealised",
                "currency",
                "fundingSource",
                "targetYear",
                "startDate",
                "endDate",
                "progressPercent",
                "progressSource",
                "version");
    }

    private static void row(Writer w, QuickWinResponse r) throws IOException {
        line(
                w,
                r.id().toString(),
                r.regionCode(),
                r.title(),
                r.dimension().name(),
                r.status().name(),
                Objects.toString(r.fgdSessionId(), null),
                Objects.toString(r.leadStakeholderId(), null),
                r.plannedBudget(),
                r.budgetRealised(),
                r.currency(),
                r.fundingSource().name(),
                Integer.toString(r.targetYear()),
                Objects.toString(r.startDate(), null),
                Objects.toString(r.endDate(), null),
                r.progress().percent().exact(),
                r.progress().source(),
                Long.toString(r.version()));
    }

    private static void line(Writer w, String... fields) throws IOException {
        Csv.line(w, Arrays.asList(fields));
    }
}
