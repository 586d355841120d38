package id.smartcity.quickwin.api;

import id.smartcity.quickwin.QuickWinStatus;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a quick win's status history. */
@Schema(name = "QuickWinTransition")
public record QuickWinTransitionResponse(
        QuickWinStatus from,
        QuickWinStatus to,
        @Schema(maxLength = 500) String reason,

        @Schema(description = "Token subject of who made it", maxLength = 255)
        String actor,

        OffsetDateTime occurredAt) {}
