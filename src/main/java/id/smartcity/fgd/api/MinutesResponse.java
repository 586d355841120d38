package id.smartcity.fgd.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FgdMinutes")
public record MinutesResponse(
        UUID sessionId,
        String summary,
        List<MinutesRequest.DecisionEntry> decisions,
        OffsetDateTime recordedAt,

        @Schema(description = "The session's version, also the ETag")
        long version) {}
