package id.smartcity.quickwin.api;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.quickwin.FundingSource;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a quick win. */
@Schema(name = "QuickWinRequest", description = "The writable fields: the body of POST, and what a PATCH merges into")
public record QuickWinRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Layanan pengaduan terpadu daring", maxLength = 200)
        String title,

        @Size(max = 4000) @Schema(maxLength = 4000) String description,
        @NotNull DimensionCode dimension,

        @Schema(description = "The FGD session it came from: same region and dimension")
        UUID fgdSessionId,

        @Schema(description = "The lead agency: a stakeholder of the same region")
        UUID leadStakeholderId,

        @Size(max = 20) @Schema(type = SchemaType.ARRAY, implementation = UUID.class, maxItems = 20)
        List<@NotNull UUID> partnerStakeholderIds,

        @NotNull
        @Pattern(regexp = QuickWinFormats.MONEY, message = "must be an amount in IDR such as 2560783220.00")
        @Schema(
                description = "IDR, exact decimal",
                examples = "2560783220.00",
                pattern = QuickWinFormats.MONEY,
                maxLength = 19)
        String plannedBudget,

        @NotNull FundingSource fundingSource,

        @NotNull @Min(2017) @Max(2100) @Schema(examples = "2025")
        Integer targetYear,

        @Schema(examples = "2025-01-06") LocalDate startDate,
        @Schema(examples = "2025-12-19") LocalDate endDate) {}
