package id.smartcity.document.api;

import id.smartcity.document.DocumentKind;
import id.smartcity.document.DocumentOwnerType;
import id.smartcity.document.DocumentStatus;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.platform.security.RegionCodes;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Document", description = "A file kept with the record; its bytes at contentHref")
public record DocumentResponse(
        UUID id,

        @Schema(examples = "33.03", pattern = RegionCodes.PATTERN, maxLength = 5)
        String regionCode,

        @Schema(maxLength = 200, examples = "Notulen FGD Tata Kelola")
        String title,

        DocumentKind kind,

        @Schema(description = "What the document belongs to; omitted for a document of the region itself")
        DocumentOwnerType ownerType,

        UUID ownerId,

        @Schema(
                description =
                        "With a READINESS_ASSESSMENT owner: the indicator whose score the document is evidence of",
                maxLength = 40,
                pattern = "^[A-Z][A-Z0-9_]{0,39}$")
        String indicatorCode,

        @Schema(description = "The owner's path, where it has one", maxLength = 200)
        String ownerHref,

        @Schema(description = "The uploaded name, sanitised", maxLength = 200, examples = "notulen-fgd-tata-kelola.pdf")
        String fileName,

        @Schema(description = "The type detected from the content", maxLength = 100, examples = "application/pdf")
        String mediaType,

        @Schema(minimum = "0", maximum = SchemaLimits.INT64_MAX)
        long sizeBytes,

        @Schema(
                description = "SHA-256 of the content, lower-case hex; also the content's ETag and in the upload's"
                        + " audit event",
                pattern = "^[0-9a-f]{64}$",
                minLength = 64,
                maxLength = 64)
        String sha256,

        @Schema(
                description = "The content carries personal data (attendance sheets): only admin, coordinator and"
                        + " contributor download it")
        boolean personalData,

        DocumentStatus status,

        @Schema(description = "The reason given when it was archived or its content removed", maxLength = 500)
        String statusReason,

        OffsetDateTime statusChangedAt,

        @Schema(description = "When an admin removed the content (status REMOVED); the record stays")
        OffsetDateTime contentRemovedAt,

        @Schema(description = "Where the content is downloaded (ranges, ETag)", maxLength = 200)
        String contentHref,

        @Schema(minimum = "0", maximum = SchemaLimits.INT64_MAX)
        long version,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
