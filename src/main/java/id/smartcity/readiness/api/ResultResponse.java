package id.smartcity.readiness.api;

import id.smartcity.common.ExactDecimal;
import id.smartcity.readiness.AssessmentStatus;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An assessment's result, with everything needed to recompute it by hand: every weight, score and
 * contribution. Exact values are strings of exact decimals; value is the same rounded half-up to
 * two decimals.
 */
@Schema(name = "ReadinessResult")
public record ResultResponse(
        UUID assessmentId,
        String regionCode,
        AssessmentApi.FrameworkRef framework,
        String period,
        AssessmentStatus status,
        boolean complete,
        int scored,
        int total,
        List<String> unscored,

        @Schema(description = "Null until every indicator is scored")
        ExactDecimal index,

        @Schema(description = "Null until every indicator is scored")
        BandResult band,

        List<PillarResult> pillars,

        @Schema(
                description =
                        "Against the previous verified assessment of the region under the same framework code; null if none")
        Change change,

        @Schema(description = "The formulas used") String method) {

    @Schema(name = "ReadinessBand")
    public record BandResult(Name predicate, String lowerBound, String upperBound, boolean upperInclusive) {}

    @Schema(name = "ReadinessPillarResult")
    public record PillarResult(
            String code,
            Name name,
            String weight,

            @Schema(description = "weight / Σ pillar weights")
            String normalisedWeight,

            @Schema(description = "Null until all its indicators are scored")
            ExactDecimal score,

            @Schema(description = "normalisedWeight × score: its share of the index")
            ExactDecimal contribution,

            List<IndicatorResult> indicators) {}

    @Schema(name = "ReadinessIndicatorResult")
    public record IndicatorResult(
            String code,
            Name name,
            String weight,

            @Schema(description = "weight / Σ indicator weights of the pillar")
            String weightInPillar,

            @Schema(description = "normalised pillar weight × weightInPillar")
            String effectiveWeight,

            @Schema(description = "Null when not scored") String score,
            @Schema(description = "effectiveWeight × score") ExactDecimal contribution) {}

    @Schema(name = "ReadinessChange")
    public record Change(
            UUID previousAssessmentId,
            String previousPeriod,
            int previousFrameworkVersion,
            ExactDecimal previousIndex,

            @Schema(description = "index − previous index; null while this one is incomplete")
            ExactDecimal indexDelta,

            List<PillarChange> pillars) {}

    @Schema(name = "ReadinessPillarChange")
    public record PillarChange(String code, ExactDecimal previousScore, ExactDecimal delta) {}
}
