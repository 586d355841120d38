package id.smartcity.fgd;

import id.smartcity.fgd.api.FgdSessionResponse;
import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.CsvBody;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The CSV columns of FGD sessions ({@link Csv} has the format). */
final class FgdCsv {

    private FgdCsv() {}

    static CsvBody body(List<FgdSessionResponse> rows) {
        return CsvBody.of(FgdCsv::header, rows, FgdCsv::row);
    }

    private static void header(Writer w) throws IOException {
        line(
                w,
                "id",
                "regionCode",
                "title",
                "dimension",
                "bimtekStage",
                "bimtekDay",
                "scheduledStart",
                "scheduledEnd",
                "venue",
                "facilitatorStakeholderId",
                "facilitatorName",
                "status",
                "statusReason",
                "hasMinutes",
                "version",
                "bimtekStageId");
    }

    private static void row(Writer w, FgdSessionResponse s) throws IOException {
        line(
                w,
                s.id().toString(),
                s.regionCode(),
                s.title(),
                s.dimension().name(),
                Integer.toString(s.bimtekStage()),
                Integer.toString(s.bimtekDay()),
                s.scheduledStart().toString(),
                s.scheduledEnd().toString(),
                s.venue(),
                Objects.toString(s.facilitatorStakeholderId(), null),
                s.facilitatorName(),
                s.status().name(),
                s.statusReason(),
                Boolean.toString(s.hasMinutes()),
                Long.toString(s.version()),
                Objects.toString(s.bimtekStageId(), null));
    }

    private static void line(Writer w, String... fields) throws IOException {
        Csv.line(w, Arrays.asList(fields));
    }
}
