package id.smartcity.readiness.api;

import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.platform.security.RegionCodes;
import id.smartcity.readiness.AssessmentStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A readiness assessment with its scores. */
@Schema(name = "ReadinessAssessment")
public record AssessmentResponse(
        UUID id,

        @Schema(pattern = RegionCodes.PATTERN, maxLength = 5)
        String regionCode,

        FrameworkRef framework,

        @Schema(pattern = SchemaLimits.PERIOD, maxLength = 7)
        String period,

        AssessmentStatus status,
        @Schema(maxLength = 500) String statusReason,

        @Schema(description = "Token subject of who submitted it", maxLength = 255)
        String submittedBy,

        OffsetDateTime submittedAt,

        @Schema(description = "Token subject of who verified it: never the submitter", maxLength = 255)
        String verifiedBy,

        OffsetDateTime verifiedAt,

        @Schema(maxItems = FrameworkDefinition.MAX_INDICATORS)
        List<IndicatorScoreResponse> scores,

        @Schema(minimum = "0", maximum = "" + FrameworkDefinition.MAX_INDICATORS)
        int scored,

        @Schema(minimum = "1", maximum = "" + FrameworkDefinition.MAX_INDICATORS)
        int total,

        @Schema(description = "Version, also the ETag", minimum = "0", maximum = SchemaLimits.INT64_MAX)
        long version,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
