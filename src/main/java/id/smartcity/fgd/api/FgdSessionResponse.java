package id.smartcity.fgd.api;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.fgd.FgdStatus;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FgdSession", description = "A Focus Group Discussion of one dimension")
public record FgdSessionResponse(
        UUID id,
        @Schema(examples = "33.03") String regionCode,
        String title,
        DimensionCode dimension,
        int bimtekStage,
        int bimtekDay,
        OffsetDateTime scheduledStart,
        OffsetDateTime scheduledEnd,
        String venue,
        UUID facilitatorStakeholderId,
        String facilitatorName,
        String agenda,
        FgdStatus status,

        @Schema(description = "Reason given with the last transition")
        String statusReason,

        OffsetDateTime statusChangedAt,

        @Schema(description = "Whether minutes are recorded")
        boolean hasMinutes,

        @Schema(description = "Version of the session, its participants and minutes; also the ETag")
        long version,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
