package id.smartcity.dashboard;

import id.smartcity.common.ExactDecimal;
import id.smartcity.common.Localized;
import id.smartcity.dimension.DimensionCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Dashboard", description = "Everything a region's dashboard shows, in one call")
public record DashboardResponse(
        String regionCode,

        @Schema(description = "The day overdue milestones are counted against (Asia/Jakarta)")
        LocalDate asOf,

        @Schema(description = "Always all six dimensions, zeros included")
        List<DimensionFigures> dimensions,

        @Schema(description = "The latest verified READINESS assessment; null if none")
        Readiness readiness) {

    @Schema(name = "DashboardDimension")
    public record DimensionFigures(
            DimensionCode dimension,
            Localized name,

            @Schema(description = "Active stakeholders grouped in the dimension")
            long stakeholders,

            FgdFigures fgdSessions,

            @Schema(description = "Quick wins by status, every status present")
            Map<String, Long> quickWinsByStatus,

            @Schema(
                    description = "Planned budget of the quick wins that are not cancelled, IDR",
                    examples = "2560783220.00")
            String budgetPlanned,

            @Schema(
                    description =
                            "Realised budget (sum of progress reports) of the quick wins that are not cancelled, IDR")
            String budgetRealised,

            @Schema(examples = "IDR") String currency,

            @Schema(
                    description =
                            "Plain mean of the progress of the quick wins that are not cancelled; null without any")
            ExactDecimal meanProgress,

            @Schema(
                    description = "Mean progress weighted by planned budget (quick wins not cancelled); null when their"
                            + " planned budget is zero")
            ExactDecimal budgetWeightedMeanProgress,

            @Schema(description = "Milestones not done and due before asOf, of quick wins not completed or cancelled")
            long overdueMilestones) {}

    @Schema(name = "DashboardFgd")
    public record FgdFigures(long held, long planned, long cancelled) {}

    @Schema(name = "DashboardReadiness")
    public record Readiness(
            UUID assessmentId,
            String period,
            int frameworkVersion,
            ExactDecimal index,
            Localized band,
            List<PillarScore> pillars,

            @Schema(description = "Index change since the verified assessment before it; null if none")
            ExactDecimal change) {}

    @Schema(name = "DashboardPillar")
    public record PillarScore(String code, ExactDecimal score) {}
}
