package id.smartcity.readiness.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** All scores of a DRAFT at once: the indicators listed are scored, the others are unscored. */
@Schema(
        name = "ReadinessScoresRequest",
        description = "Every score of the assessment: indicators not listed end up unscored. All or nothing")
public record ScoresRequest(
        @NotNull @Size(max = FrameworkDefinition.MAX_INDICATORS) @Schema(maxItems = FrameworkDefinition.MAX_INDICATORS)
        List<@NotNull @Valid IndicatorScoreRequest> scores) {}
