package id.smartcity.readiness.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One indicator's score in a bulk entry. */
@Schema(name = "IndicatorScoreRequest")
public record IndicatorScoreRequest(
        @NotNull
        @Pattern(regexp = FrameworkDefinition.CODE, message = "must be UPPER_SNAKE_CASE, at most 40 characters")
        @Schema(examples = "OUTCOME_SCORE", maxLength = 40)
        String indicatorCode,

        @NotNull
        @DecimalMin("0")
        @DecimalMax("1000")
        @Schema(
                description = "On the framework version's scale, with at most its decimals",
                examples = "3.25",
                minimum = "0",
                maximum = "1000")
        BigDecimal score,

        @Size(max = 4000) @Schema(maxLength = 4000) String evidence,

        @Size(max = 10) @Schema(description = "http(s) links; stored, never fetched", maxItems = 10)
        List<@NotBlank @Size(max = 2000) String> links) {}
