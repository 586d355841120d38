package id.smartcity.fgd.api;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.fgd.FgdStatus;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.platform.security.RegionCodes;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FgdSession", description = "A Focus Group Discussion of one dimension")
public record FgdSessionResponse(
        UUID id,

        @Schema(examples = "33.03", pattern = RegionCodes.PATTERN, maxLength = 5)
        String regionCode,

        @Schema(maxLength = 200) String title,
        DimensionCode dimension,
        @Schema(minimum = "1", maximum = "4") int bimtekStage,
        @Schema(minimum = "1", maximum = "10") int bimtekDay,

        @Schema(description = "The Bimtek stage the session is held in, if linked")
        UUID bimtekStageId,

        OffsetDateTime scheduledStart,
        OffsetDateTime scheduledEnd,
        @Schema(maxLength = 200) String venue,
        UUID facilitatorStakeholderId,
        @Schema(maxLength = 200) String facilitatorName,
        @Schema(maxLength = 4000) String agenda,
        FgdStatus status,

        @Schema(description = "Reason given with the last transition", maxLength = 500)
        String statusReason,

        OffsetDateTime statusChangedAt,

        @Schema(description = "Whether minutes are recorded")
        boolean hasMinutes,

        @Schema(
                description = "The session's documents (the minutes as filed, attendance sheets, photos): the"
                        + " region's document list filtered on this session",
                maxLength = 200,
                examples =
                        "/api/v1/regions/33.03/documents?ownerType=FGD_SESSION&ownerId=5f0c6a4e-1b2d-4c3e-9f8a-7b6c5d4e3f2a")
        String documentsHref,

        @Schema(
                description = "Version of the session, its participants and minutes; also the ETag",
                minimum = "0",
                maximum = SchemaLimits.INT64_MAX)
        long version,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
