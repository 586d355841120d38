package id.smartcity.quickwin.api;

import id.smartcity.quickwin.QuickWinStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A move of a quick win through its workflow. */
@Schema(name = "QuickWinTransitionRequest")
public record QuickWinTransitionRequest(
        @NotNull QuickWinStatus to,

        @Size(max = 500)
        @Schema(description = "Required to put on hold, cancel, or complete below 100 % progress", maxLength = 500)
        String reason) {}
