package id.smartcity.bimtek;

import id.smartcity.bimtek.api.BimtekStageResponse;
import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.CsvBody;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The CSV columns of Bimtek stages ({@link Csv} has the format); days and facilitators joined by "; ". */
final class BimtekCsv {

    private BimtekCsv() {}

    static CsvBody body(List<BimtekStageResponse> rows) {
        return CsvBody.of(BimtekCsv::header, rows, BimtekCsv::row);
    }

    private static void header(Writer w) throws IOException {
        line(
                w,
                "id",
                "regionCode",
                "cohortYear",
                "stageNumber",
                "title",
                "days",
                "venue",
                "facilitators",
                "status",
                "statusReason",
                "sessions",
                "sessionsHeld",
                "invited",
                "attended",
                "absent",
                "stakeholdersAttended",
                "version");
    }

    private static void row(Writer w, BimtekStageResponse s) throws IOException {
        line(
                w,
                s.id().toString(),
                s.regionCode(),
                Integer.toString(s.cohortYear()),
                Integer.toString(s.stageNumber()),
                s.title(),
                s.days().stream().map(d -> d.date().toString()).collect(Collectors.joining("; ")),
                s.venue(),
                s.facilitators().stream().map(f -> f.name()).collect(Collectors.joining("; ")),
                s.status().name(),
                s.statusReason(),
                Long.toString(s.attendance().sessions()),
                Long.toString(s.attendance().sessionsHeld()),
                Long.toString(s.attendance().invited()),
                Long.toString(s.attendance().attended()),
                Long.toString(s.attendance().absent()),
                Long.toString(s.attendance().stakeholdersAttended()),
                Long.toString(s.version()));
    }

    private static void line(Writer w, String... fields) throws IOException {
        Csv.line(w, Arrays.asList(fields));
    }
}
