package id.smartcity.dashboard;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.http.ExactDecimal;
import id.smartcity.platform.http.LocalizedText;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.platform.security.RegionCodes;
import id.smartcity.readiness.api.FrameworkDefinition;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Dashboard", description = "Everything a region's dashboard shows, in one call")
public record DashboardResponse(
        @Schema(pattern = RegionCodes.PATTERN, maxLength = 5)
        String regionCode,

        @Schema(description = "The day overdue milestones are counted against (Asia/Jakarta)")
        LocalDate asOf,

        @Schema(description = "Always all six dimensions, zeros included", maxItems = 6)
        List<DimensionFigures> dimensions,

        @Schema(description = "The latest verified READINESS assessment; absent if none")
        Readiness readiness,

        @Schema(description = "The region's ENACTED masterplan version; absent if none")
        EnactedMasterplan masterplan) {

    @Schema(name = "DashboardDimension")
    public record DimensionFigures(
            DimensionCode dimension,
            LocalizedText name,

            @Schema(
                    description = "Active stakeholders grouped in the dimension",
                    minimum = "0",
                    maximum = SchemaLimits.INT64_MAX)
            long stakeholders,

            FgdFigures fgdSessions,

            @Schema(
                    description = "Quick wins by status, every status present",
                    additionalProperties = Count.class,
                    maxProperties = 6)
            Map<String, Long> quickWinsByStatus,

            @Schema(
                    description = "Planned budget of the quick wins that are not cancelled, IDR",
                    examples = "2560783220.00",
                    pattern = SchemaLimits.AMOUNT,
                    maxLength = 23)
            String budgetPlanned,

            @Schema(
                    description =
                            "Realised budget (sum of progress reports) of the quick wins that are not cancelled, IDR",
                    pattern = SchemaLimits.AMOUNT,
                    maxLength = 23)
            String budgetRealised,

            @Schema(examples = "IDR", enumeration = "IDR") String currency,

            @Schema(
                    description =
                            "Plain mean of the progress of the quick wins that are not cancelled; absent without any")
            ExactDecimal meanProgress,

            @Schema(
                    description =
                            "Mean progress weighted by planned budget (quick wins not cancelled); absent when their"
                                    + " planned budget is zero")
            ExactDecimal budgetWeightedMeanProgress,

            @Schema(
                    description = "Milestones not done and due before asOf, of quick wins not completed or cancelled",
                    minimum = "0",
                    maximum = SchemaLimits.INT64_MAX)
            long overdueMilestones,

            @Schema(description = "The dimension in the ENACTED masterplan, plan against delivery; absent without one")
            PlanFigures masterplan) {}

    @Schema(name = "DashboardMasterplan")
    public record EnactedMasterplan(
            UUID id,

            @Schema(minimum = "1", maximum = SchemaLimits.INT32_MAX)
            int number,

            @Schema(maxLength = 200) String title,
            @Schema(maxLength = 200) String regulationNumber,
            LocalDate regulationDate,
            @Schema(minimum = "2017", maximum = "2091") int startYear,
            @Schema(minimum = "2026", maximum = "2100") int endYear) {}

    @Schema(name = "DashboardMasterplanDimension")
    public record PlanFigures(
            @Schema(
                    description = "The ENACTED version's programs of the dimension by horizon, every horizon present",
                    additionalProperties = Count.class,
                    maxProperties = 3)
            Map<String, Long> programsByHorizon,

            @Schema(
                    description = "Indicative budget of asOf's year in the ENACTED version's programs, IDR",
                    examples = "750000000.00",
                    pattern = SchemaLimits.AMOUNT,
                    maxLength = 23)
            String budgetPlannedThisYear,

            @Schema(
                    description = "Realised budget in progress reports dated in asOf's year, of the dimension's quick"
                            + " wins that are not cancelled, IDR",
                    pattern = SchemaLimits.AMOUNT,
                    maxLength = 23)
            String quickWinBudgetRealisedThisYear) {}

    /** The contract's schema of a count (the values of {@code quickWinsByStatus}). */
    @Schema(
            name = "Count",
            type = SchemaType.INTEGER,
            format = "int64",
            minimum = "0",
            maximum = SchemaLimits.INT64_MAX)
    public static final class Count {
        private Count() {}
    }

    @Schema(name = "DashboardFgd")
    public record FgdFigures(
            @Schema(minimum = "0", maximum = SchemaLimits.INT64_MAX)
            long held,

            @Schema(minimum = "0", maximum = SchemaLimits.INT64_MAX)
            long planned,

            @Schema(minimum = "0", maximum = SchemaLimits.INT64_MAX)
            long cancelled) {}

    @Schema(name = "DashboardReadiness")
    public record Readiness(
            UUID assessmentId,

            @Schema(pattern = SchemaLimits.PERIOD, maxLength = 7)
            String period,

            @Schema(minimum = "1", maximum = SchemaLimits.INT32_MAX)
            int frameworkVersion,

            ExactDecimal index,
            LocalizedText band,
            @Schema(maxItems = 20) List<PillarScore> pillars,

            @Schema(description = "Index change since the verified assessment before it; absent if none")
            ExactDecimal change) {}

    @Schema(name = "DashboardPillar")
    public record PillarScore(
            @Schema(pattern = FrameworkDefinition.CODE, maxLength = 40)
            String code,

            ExactDecimal score) {}
}
