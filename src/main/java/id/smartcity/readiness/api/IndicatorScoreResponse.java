package id.smartcity.readiness.api;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One indicator's score as stored. */
@Schema(name = "IndicatorScore")
public record IndicatorScoreResponse(
        @Schema(pattern = FrameworkDefinition.CODE, maxLength = 40)
        String indicatorCode,

        BigDecimal score,
        @Schema(maxLength = 4000) String evidence,
        @Schema(maxItems = 10) List<@Size(max = 2000) String> links) {}
