package id.smartcity.document;

import id.smartcity.document.api.DocumentResponse;
import id.smartcity.document.api.DocumentVerificationResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Documents to their representations. */
final class DocumentMapper {

    static final String API = "/api/v1";

    private DocumentMapper() {}

    static String path(Document d) {
        return API + "/regions/" + d.regionCode + "/documents/" + d.id;
    }

    static DocumentResponse toResponse(Document d) {
        String ownerHref = d.ownerType == null || d.ownerType.collection == null
                ? null
                : API + "/regions/" + d.regionCode + "/" + d.ownerType.collection + "/" + d.ownerId;
        return new DocumentResponse(
                d.id,
                d.regionCode,
                d.title,
                d.kind,
                d.ownerType,
                d.ownerId,
                d.indicatorCode,
                ownerHref,
                d.fileName,
                d.mediaType,
                d.sizeBytes,
                d.sha256,
                d.personalData,
                d.status,
                d.statusReason,
                d.statusChangedAt,
                d.contentRemovedAt,
                d.status == DocumentStatus.REMOVED ? null : path(d) + "/content",
                d.version,
                d.createdAt,
                d.updatedAt);
    }

    static DocumentVerificationResponse toResponse(Document d, DocumentService.Verification v) {
        return new DocumentVerificationResponse(
                d.id,
                v.intact(),
                v.auditedSha256(),
                d.sha256,
                v.storedSha256(),
                v.storedSize(),
                v.auditEventId(),
                v.detail(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
    }
}
