package id.smartcity.quickwin.api;

import id.smartcity.platform.http.ExactDecimal;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.quickwin.KpiDirection;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A KPI of a quick win with its attainment. */
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
