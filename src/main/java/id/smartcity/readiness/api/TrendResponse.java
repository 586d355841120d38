package id.smartcity.readiness.api;

import id.smartcity.platform.http.ExactDecimal;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.platform.security.RegionCodes;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ReadinessTrend",
        description = "Verified assessments of a region under one framework, oldest period first")
public record TrendResponse(
        @Schema(pattern = RegionCodes.PATTERN, maxLength = 5)
        String regionCode,

        @Schema(pattern = FrameworkDefinition.CODE, maxLength = 40)
        String frameworkCode,

        @Schema(description = "At most the " + MAX_POINTS + " latest periods", maxItems = MAX_POINTS)
        List<Point> items) {

    /** The trend shows at most this many periods, the latest ones. */
    public static final int MAX_POINTS = 100;

    @Schema(name = "ReadinessTrendPoint")
    public record Point(
            UUID assessmentId,

            @Schema(pattern = SchemaLimits.PERIOD, maxLength = 7)
            String period,

            @Schema(minimum = "1", maximum = SchemaLimits.INT32_MAX)
            int frameworkVersion,

            OffsetDateTime verifiedAt,
            ExactDecimal index,
            LocalizedName band,
            @Schema(maxItems = 20) List<PillarPoint> pillars) {}

    @Schema(name = "ReadinessTrendPillar")
    public record PillarPoint(
            @Schema(pattern = FrameworkDefinition.CODE, maxLength = 40)
            String code,

            ExactDecimal score) {}
}
