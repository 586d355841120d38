package id.smartcity.quickwin.api;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.http.ExactDecimal;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.quickwin.FundingSource;
import id.smartcity.quickwin.KpiDirection;
import id.smartcity.quickwin.QuickWinStatus;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and responses of quick wins and their milestones, progress reports and KPIs. */
public final class QuickWinApi {

    /** Money: a string of an exact decimal in IDR, at most two decimals. */
    public static final String MONEY = "^\\d{1,16}(\\.\\d{1,2})?$";

    private QuickWinApi() {}

    @Schema(
            name = "QuickWinRequest",
            description = "The writable fields: the body of POST, and what a PATCH merges into")
    public record Request(
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
            @Pattern(regexp = MONEY, message = "must be an amount in IDR such as 2560783220.00")
            @Schema(description = "IDR, exact decimal", examples = "2560783220.00", pattern = MONEY, maxLength = 19)
            String plannedBudget,

            @NotNull FundingSource fundingSource,

            @NotNull @Min(2017) @Max(2100) @Schema(examples = "2025")
            Integer targetYear,

            @Schema(examples = "2025-01-06") LocalDate startDate,
            @Schema(examples = "2025-12-19") LocalDate endDate) {}

    @Schema(
            name = "QuickWinProgress",
            description = "Derived, never typed in: src/docs/api-conventions.md has the rule")
    public record Progress(
            ExactDecimal percent,

            @Schema(
                    description = "Which rule gave the percent",
                    examples = "MILESTONES",
                    enumeration = {"MILESTONES", "LATEST_REPORT", "NONE"})
            String source) {}

    @Schema(name = "QuickWin")
    public record Response(
            UUID id,

            @Schema(pattern = SchemaLimits.REGION_CODE, maxLength = 5)
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
            Progress progress,

            @Schema(
                    description = "Version, also the ETag; moves with milestones and reports too",
                    minimum = "0",
                    maximum = SchemaLimits.INT64_MAX)
            long version,

            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    @Schema(name = "QuickWinTransitionRequest")
    public record TransitionRequest(
            @NotNull QuickWinStatus to,

            @Size(max = 500)
            @Schema(description = "Required to put on hold, cancel, or complete below 100 % progress", maxLength = 500)
            String reason) {}

    @Schema(name = "QuickWinTransition")
    public record TransitionResponse(
            QuickWinStatus from,
            QuickWinStatus to,
            @Schema(maxLength = 500) String reason,

            @Schema(description = "Token subject of who made it", maxLength = 255)
            String actor,

            OffsetDateTime occurredAt) {}

    @Schema(name = "MilestoneRequest")
    public record MilestoneRequest(
            @NotBlank @Size(max = 200) @Schema(maxLength = 200)
            String title,

            @NotNull
            @DecimalMin(value = "0", inclusive = false)
            @Digits(integer = 6, fraction = 3)
            @Schema(examples = "2")
            BigDecimal weight,

            @NotNull @Schema(examples = "2025-03-31") LocalDate dueDate,

            @Schema(description = "Done; then doneDate is required")
            Boolean done,

            LocalDate doneDate) {}

    @Schema(name = "Milestone")
    public record MilestoneResponse(
            UUID id,
            @Schema(maxLength = 200) String title,
            BigDecimal weight,
            LocalDate dueDate,
            boolean done,
            LocalDate doneDate,

            @Schema(description = "Not done and due before today (Asia/Jakarta)")
            boolean overdue,

            @Schema(minimum = "0", maximum = SchemaLimits.INT64_MAX)
            long version) {}

    @Schema(name = "ProgressReportRequest")
    public record ReportRequest(
            @NotNull LocalDate reportDate,

            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) @Schema(examples = "40")
            BigDecimal percent,

            @Size(max = 4000) @Schema(maxLength = 4000) String narrative,

            @Pattern(regexp = MONEY, message = "must be an amount in IDR such as 2560783220.00")
            @Schema(
                    description = "IDR spent in the period it reports on",
                    examples = "150000000.00",
                    pattern = MONEY,
                    maxLength = 19)
            String budgetRealised) {}

    @Schema(name = "ProgressReport")
    public record ReportResponse(
            UUID id,
            LocalDate reportDate,
            BigDecimal percent,
            @Schema(maxLength = 4000) String narrative,

            @Schema(pattern = SchemaLimits.AMOUNT, maxLength = 23)
            String budgetRealised,

            OffsetDateTime createdAt) {}

    @Schema(name = "KpiRequest")
    public record KpiRequest(
            @NotBlank @Size(max = 200) @Schema(maxLength = 200, examples = "Pengaduan diselesaikan dalam 5 hari")
            String name,

            @NotBlank @Size(max = 50) @Schema(maxLength = 50, examples = "%")
            String unit,

            @NotNull @Digits(integer = 14, fraction = 4) BigDecimal baseline,
            @NotNull @Digits(integer = 14, fraction = 4) BigDecimal target,
            @Digits(integer = 14, fraction = 4) BigDecimal actual,
            @NotNull KpiDirection direction) {}

    @Schema(name = "Kpi")
    public record KpiResponse(
            UUID id,
            @Schema(maxLength = 200) String name,
            @Schema(maxLength = 50) String unit,
            BigDecimal baseline,
            BigDecimal target,
            BigDecimal actual,
            KpiDirection direction,

            @Schema(description = "Percent of the way from baseline to target; absent without actual")
            ExactDecimal attainment,

            @Schema(minimum = "0", maximum = SchemaLimits.INT64_MAX)
            long version) {}
}
