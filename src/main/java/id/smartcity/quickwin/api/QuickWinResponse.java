package id.smartcity.quickwin.api;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.platform.security.RegionCodes;
import id.smartcity.quickwin.FundingSource;
import id.smartcity.quickwin.QuickWinStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quick win with its derived progress and realised budget. */
@Schema(name = "QuickWin")
public record QuickWinResponse(
        UUID id,

        @Schema(pattern = RegionCodes.PATTERN, maxLength = 5)
        String regionCode,

        @Schema(maxLength = 200) String title,
        @Schema(maxLength = 4000) String description,
        DimensionCode dimension,
        UUID fgdSessionId,
        UUID leadStakeholderId,

        @Schema(type = SchemaType.ARRAY, implementation = UUID.class, maxItems = 20)
        List<UUID> partnerStakeholderIds,

        @Schema(examples = "2560783220.00", pattern = SchemaLimits.AMOUNT, maxLength = 23)
        String plannedBudget,

        @Schema(
                description = "Sum of the progress reports' realised budget",
                examples = "640195805.00",
                pattern = SchemaLimits.AMOUNT,
                maxLength = 23)
        String budgetRealised,

        @Schema(examples = "IDR", enumeration = "IDR") String currency,
        FundingSource fundingSource,
        @Schema(minimum = "2017", maximum = "2100") int targetYear,
        LocalDate startDate,
        LocalDate endDate,
        QuickWinStatus status,
        @Schema(maxLength = 500) String statusReason,
        OffsetDateTime statusChangedAt,
        QuickWinProgress progress,

        @Schema(
                description = "Version, also the ETag; moves with milestones and reports too",
                minimum = "0",
                maximum = SchemaLimits.INT64_MAX)
        long version,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
