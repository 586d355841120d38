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
        Readiness readiness) {

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
            long overdueMilestones) {}

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
