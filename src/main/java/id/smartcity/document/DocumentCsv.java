package id.smartcity.document;

import id.smartcity.document.api.DocumentResponse;
import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.CsvBody;
import id.smartcity.platform.http.CsvColumns;
import java.util.List;

/**
 * The CSV columns of documents ({@link Csv} has the format), each column's name and value defined
 * together. A document of the region itself (no owner) has an empty, quoted owner type and id.
 */
final class DocumentCsv {

    private DocumentCsv() {}

    static final CsvColumns<DocumentResponse> COLUMNS = CsvColumns.<DocumentResponse>builder()
            .add("id", DocumentResponse::id)
            .add("regionCode", DocumentResponse::regionCode)
            .add("title", DocumentResponse::title)
            .add("kind", DocumentResponse::kind)
            .add("ownerType", d -> d.ownerType() == null ? "" : d.ownerType().name())
            .add("ownerId", d -> d.ownerId() == null ? "" : d.ownerId().toString())
            .add("indicatorCode", DocumentResponse::indicatorCode)
            .add("fileName", DocumentResponse::fileName)
            .add("mediaType", DocumentResponse::mediaType)
            .add("sizeBytes", DocumentResponse::sizeBytes)
            .add("sha256", DocumentResponse::sha256)
            .add("personalData", DocumentResponse::personalData)
            .add("status", DocumentResponse::status)
            .add("statusReason", DocumentResponse::statusReason)
            .add("createdAt", DocumentResponse::createdAt)
            .add("version", DocumentResponse::version)
            .build();

    static CsvBody body(List<DocumentResponse> rows) {
        return COLUMNS.body(rows);
    }
}
