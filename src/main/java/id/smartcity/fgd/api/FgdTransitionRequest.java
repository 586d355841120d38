package id.smartcity.fgd.api;

import id.smartcity.fgd.FgdStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FgdTransitionRequest")
public record FgdTransitionRequest(
        @NotNull FgdStatus to,

        @NotBlank @Size(max = 500) @Schema(examples = "Held as planned with 14 participants", maxLength = 500)
        String reason) {}
