package id.smartcity.readiness.api;

import id.smartcity.readiness.AssessmentStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Moves an assessment to another status; a reason is needed to send it back to DRAFT. */
@Schema(name = "AssessmentTransitionRequest")
public record AssessmentTransitionRequest(
        @NotNull AssessmentStatus to,

        @Size(max = 500) @Schema(description = "Required to send an assessment back to DRAFT", maxLength = 500)
        String reason) {}
