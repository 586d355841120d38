package id.smartcity.masterplan.api;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.masterplan.Horizon;
import id.smartcity.masterplan.MasterplanStatus;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.quickwin.QuickWinStatus;
import id.smartcity.quickwin.api.QuickWinProgress;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A version's programs by dimension and year with budgets per year, and plan against delivery for quick wins. */
@Schema(name = "Roadmap")
public record RoadmapResponse(
        UUID masterplanId,

        @Schema(minimum = "1", maximum = SchemaLimits.INT32_MAX)
        int number,

        MasterplanStatus status,
        @Schema(minimum = "2017", maximum = "2091") int startYear,
        @Schema(minimum = "2026", maximum = "2100") int endYear,
        @Schema(examples = "IDR", enumeration = "IDR") String currency,

        @Schema(description = "Always all six dimensions, in their order", maxItems = 6)
        List<Dimension> dimensions,

        @Schema(
                description = "Planned budget per year of the period over all dimensions, zeros included",
                maxItems = 10)
        List<BudgetYear> totals,

        @Schema(description = "Planned budget of the whole plan, IDR", pattern = SchemaLimits.AMOUNT, maxLength = 23)
        String grandTotal) {

    @Schema(name = "RoadmapDimension")
    public record Dimension(
            DimensionCode dimension,

            @Schema(description = "By start year, then title", maxItems = 500)
            List<Item> programs,

            @Schema(description = "Planned budget per year of the period, zeros included", maxItems = 10)
            List<BudgetYear> totals,

            @Schema(pattern = SchemaLimits.AMOUNT, maxLength = 23)
            String total) {}

    @Schema(name = "RoadmapProgram")
    public record Item(
            UUID programId,
            UUID programKey,
            @Schema(maxLength = 200) String title,

            @Schema(pattern = "^[A-Z][A-Z_]*$", maxLength = 48)
            String element,

            Horizon horizon,
            @Schema(minimum = "2017", maximum = "2100") int startYear,
            @Schema(minimum = "2017", maximum = "2100") int endYear,

            @Schema(description = "Every year of the program, zeros included", maxItems = 10)
            List<BudgetYear> budget,

            @Schema(pattern = SchemaLimits.AMOUNT, maxLength = 23)
            String budgetTotal,

            @Schema(description = "The quick win that delivers it; absent if none")
            Delivery quickWin) {}

    @Schema(
            name = "RoadmapQuickWin",
            description = "The linked quick win's delivery, derived as for the quick win itself")
    public record Delivery(
            UUID id,
            @Schema(maxLength = 200) String title,
            QuickWinStatus status,
            QuickWinProgress progress,

            @Schema(description = "The quick win's planned budget, IDR", pattern = SchemaLimits.AMOUNT, maxLength = 23)
            String budgetPlanned,

            @Schema(
                    description = "Sum of the quick win's progress reports' realised budget, IDR",
                    pattern = SchemaLimits.AMOUNT,
                    maxLength = 23)
            String budgetRealised) {}
}
