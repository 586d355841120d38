package id.smartcity.bimtek.api;

import id.smartcity.bimtek.BimtekStatus;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.platform.security.RegionCodes;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BimtekStage", description = "A Bimtek stage of a cohort year, with the FGD sessions held in it")
public record BimtekStageResponse(
        UUID id,

        @Schema(examples = "33.03", pattern = RegionCodes.PATTERN, maxLength = 5)
        String regionCode,

        @Schema(minimum = "2017", maximum = "2100") int cohortYear,
        @Schema(minimum = "1", maximum = "4") int stageNumber,
        @Schema(maxLength = 200) String title,
        @Schema(maxItems = 5) List<BimtekStageRequest.Day> days,
        @Schema(maxLength = 200) String venue,
        @Schema(maxItems = 10) List<BimtekStageRequest.Facilitator> facilitators,
        @Schema(maxItems = 30) List<BimtekStageRequest.ExpectedOutput> expectedOutputs,
        BimtekStatus status,

        @Schema(description = "Reason given with the last transition", maxLength = 500)
        String statusReason,

        OffsetDateTime statusChangedAt,

        @Schema(description = "The FGD sessions linked to the stage, by scheduled start (at most 100)", maxItems = 100)
        List<StageSessionResponse> sessions,

        AttendanceTotals attendance,

        @Schema(description = "Version of the stage's own details", minimum = "0", maximum = SchemaLimits.INT64_MAX)
        long version,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
