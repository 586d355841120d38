package id.smartcity.readiness.api;

import id.smartcity.common.ExactDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ReadinessTrend",
        description = "Verified assessments of a region under one framework, oldest period first")
public record TrendResponse(String regionCode, String frameworkCode, List<Point> items) {

    @Schema(name = "ReadinessTrendPoint")
    public record Point(
            UUID assessmentId,
            String period,
            int frameworkVersion,
            OffsetDateTime verifiedAt,
            ExactDecimal index,
            Name band,
            List<PillarPoint> pillars) {}

    @Schema(name = "ReadinessTrendPillar")
    public record PillarPoint(String code, ExactDecimal score) {}
}
