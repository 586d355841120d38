package id.smartcity.readiness.api;

import id.smartcity.platform.http.ExactDecimal;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.platform.security.RegionCodes;
import id.smartcity.readiness.AssessmentStatus;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

        @Schema(pattern = RegionCodes.PATTERN, maxLength = 5)
        String regionCode,

        FrameworkRef framework,

        @Schema(pattern = SchemaLimits.PERIOD, maxLength = 7)
        String period,

        AssessmentStatus status,
        boolean complete,

        @Schema(minimum = "0", maximum = "" + FrameworkDefinition.MAX_INDICATORS)
        int scored,

        @Schema(minimum = "1", maximum = "" + FrameworkDefinition.MAX_INDICATORS)
        int total,

        @Schema(description = "Codes of the indicators not scored yet", maxItems = FrameworkDefinition.MAX_INDICATORS)
        List<@Size(max = 40) @Pattern(regexp = FrameworkDefinition.CODE) String> unscored,

        @Schema(description = "Null until every indicator is scored")
        ExactDecimal index,

        @Schema(description = "Null until every indicator is scored")
        BandResult band,

        @Schema(maxItems = 20) List<PillarResult> pillars,

        @Schema(
                description =
                        "Against the previous verified assessment of the region under the same framework code; absent if none")
        Change change,

        @Schema(description = "The formulas used", maxLength = 1000)
        String method,

        @Schema(description = "The framework version's scale, which the scores and the index lie on")
        FrameworkScale scale,

        @Schema(
                description = "The index as the framework version shows it (its decimals and rounding rule); null"
                        + " until every indicator is scored. index.value is always half-up to two decimals")
        ShownIndex shownIndex) {

    @Schema(name = "ReadinessBand")
    public record BandResult(
            LocalizedName predicate,

            @Schema(pattern = SchemaLimits.DECIMAL, maxLength = 60)
            String lowerBound,

            @Schema(pattern = SchemaLimits.DECIMAL, maxLength = 60)
            String upperBound,

            boolean upperInclusive) {}

    @Schema(name = "ReadinessPillarResult")
    public record PillarResult(
            @Schema(pattern = FrameworkDefinition.CODE, maxLength = 40)
            String code,

            LocalizedName name,

            @Schema(pattern = SchemaLimits.DECIMAL, maxLength = 60)
            String weight,

            @Schema(description = "weight / Σ pillar weights", pattern = SchemaLimits.DECIMAL, maxLength = 60)
            String normalisedWeight,

            @Schema(description = "Null until all its indicators are scored")
            ExactDecimal score,

            @Schema(description = "normalisedWeight × score: its share of the index")
            ExactDecimal contribution,

            @Schema(maxItems = 50) List<IndicatorResult> indicators) {}

    @Schema(name = "ReadinessIndicatorResult")
    public record IndicatorResult(
            @Schema(pattern = FrameworkDefinition.CODE, maxLength = 40)
            String code,

            LocalizedName name,

            @Schema(pattern = SchemaLimits.DECIMAL, maxLength = 60)
            String weight,

            @Schema(
                    description = "weight / Σ indicator weights of the pillar",
                    pattern = SchemaLimits.DECIMAL,
                    maxLength = 60)
            String weightInPillar,

            @Schema(
                    description = "normalised pillar weight × weightInPillar",
                    pattern = SchemaLimits.DECIMAL,
                    maxLength = 60)
            String effectiveWeight,

            @Schema(description = "Null when not scored", pattern = SchemaLimits.DECIMAL, maxLength = 60)
            String score,

            @Schema(description = "effectiveWeight × score") ExactDecimal contribution,

            @Schema(description = "The score's evidence, absent when not scored or none", maxLength = 4000)
            String evidence,

            @Schema(description = "The score's links", maxItems = 10)
            List<@Size(max = 2000) String> links) {}

    @Schema(name = "ReadinessChange")
    public record Change(
            UUID previousAssessmentId,

            @Schema(pattern = SchemaLimits.PERIOD, maxLength = 7)
            String previousPeriod,

            @Schema(minimum = "1", maximum = SchemaLimits.INT32_MAX)
            int previousFrameworkVersion,

            ExactDecimal previousIndex,

            @Schema(description = "index − previous index; absent while this one is incomplete")
            ExactDecimal indexDelta,

            @Schema(maxItems = 20) List<PillarChange> pillars,

            @Schema(description = "True when the previous period was assessed under another version of the framework")
            boolean frameworkVersionChanged,

            @Schema(
                    description = "True when the two versions weigh pillars or indicators differently (or have"
                            + " others): the change then mixes what was scored with how it was weighted")
            boolean weightsChanged,

            @Schema(description = "What the change compares, when the versions differ", maxLength = 500)
            String note) {}

    @Schema(name = "ReadinessPillarChange")
    public record PillarChange(
            @Schema(pattern = FrameworkDefinition.CODE, maxLength = 40)
            String code,

            ExactDecimal previousScore,
            ExactDecimal delta) {}
}
