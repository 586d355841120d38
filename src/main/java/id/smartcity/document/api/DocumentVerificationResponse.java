package id.smartcity.document.api;

import id.smartcity.platform.openapi.SchemaLimits;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "DocumentVerification",
        description = "The content's SHA-256 recomputed from storage and compared with the one in the upload's audit"
                + " event (and in the document's record)")
public record DocumentVerificationResponse(
        UUID documentId,

        @Schema(description = "true when the stored bytes hash to the audited SHA-256 and the record agrees")
        boolean intact,

        @Schema(description = "The SHA-256 in the upload's audit event", pattern = "^[0-9a-f]{64}$", maxLength = 64)
        String auditedSha256,

        @Schema(description = "The SHA-256 the document's record holds", pattern = "^[0-9a-f]{64}$", maxLength = 64)
        String recordedSha256,

        @Schema(
                description = "The SHA-256 of the bytes read from storage now; omitted when none could be read",
                pattern = "^[0-9a-f]{64}$",
                maxLength = 64)
        String storedSha256,

        @Schema(description = "How many bytes were read from storage", minimum = "0", maximum = SchemaLimits.INT64_MAX)
        long storedSizeBytes,

        @Schema(
                description = "The upload's audit event (GET /audit-events/{id})",
                minimum = "1",
                maximum = SchemaLimits.INT64_MAX)
        Long auditEventId,

        @Schema(description = "What differs, when not intact", maxLength = 500)
        String detail,

        OffsetDateTime checkedAt) {}
