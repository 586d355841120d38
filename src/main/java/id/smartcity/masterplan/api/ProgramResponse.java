package id.smartcity.masterplan.api;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.masterplan.Horizon;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.quickwin.FundingSource;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A program of a masterplan version. */
@Schema(name = "Program")
public record ProgramResponse(
        UUID id,
        UUID masterplanId,

        @Schema(
                description =
                        "The same in every version copied from the one it was first drafted in; the diff matches by it")
        UUID programKey,

        @Schema(maxLength = 200) String title,
        @Schema(maxLength = 4000) String description,
        DimensionCode dimension,
        @Schema(pattern = "^[A-Z][A-Z_]*$", maxLength = 48) String element,
        Horizon horizon,
        @Schema(minimum = "2017", maximum = "2100") int startYear,
        @Schema(minimum = "2017", maximum = "2100") int endYear,
        UUID leadStakeholderId,

        @Schema(type = SchemaType.ARRAY, implementation = UUID.class, maxItems = 20)
        List<UUID> partnerStakeholderIds,

        @Schema(maxItems = 10) List<BudgetYear> budget,

        @Schema(
                description = "Sum of the budget, IDR",
                examples = "1500000000.00",
                pattern = SchemaLimits.AMOUNT,
                maxLength = 23)
        String budgetTotal,

        @Schema(examples = "IDR", enumeration = "IDR") String currency,
        FundingSource fundingSource,
        @Schema(maxItems = 20) List<OutputIndicator> indicators,
        UUID fgdSessionId,
        UUID quickWinId,

        @Schema(description = "Version, also the ETag", minimum = "0", maximum = SchemaLimits.INT64_MAX)
        long version,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
