package id.smartcity.document;

import id.smartcity.document.api.DocumentResponse;
import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.CsvBody;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

/** The CSV columns of documents ({@link Csv} has the format). */
final class DocumentCsv {

    private DocumentCsv() {}

    static CsvBody body(List<DocumentResponse> rows) {
        return CsvBody.of(DocumentCsv::header, rows, DocumentCsv::row);
    }

    private static void header(Writer w) throws IOException {
        line(
                w,
                "id",
                "regionCode",
                "title",
                "kind",
                "ownerType",
                "ownerId",
                "indicatorCode",
                "fileName",
                "mediaType",
                "sizeBytes",
                "sha256",
                "personalData",
                "status",
                "statusReason",
                "createdAt",
                "version");
    }

    private static void row(Writer w, DocumentResponse d) throws IOException {
        line(
                w,
                d.id().toString(),
                d.regionCode(),
                d.title(),
                d.kind().name(),
                d.ownerType() == null ? "" : d.ownerType().name(),
                d.ownerId() == null ? "" : d.ownerId().toString(),
                d.indicatorCode(),
                d.fileName(),
                d.mediaType(),
                Long.toString(d.sizeBytes()),
                d.sha256(),
                Boolean.toString(d.personalData()),
                d.status().name(),
                d.statusReason(),
                d.createdAt().toString(),
                Long.toString(d.version()));
    }

    private static void line(Writer w, String... fields) throws IOException {
        Csv.line(w, Arrays.asList(fields));
    }
}
