package id.smartcity.fgd.api;

import id.smartcity.platform.openapi.SchemaLimits;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FgdMinutes")
public record MinutesResponse(
        UUID sessionId,
        @Schema(maxLength = 20000) String summary,
        @Schema(maxItems = 100) List<MinutesRequest.DecisionEntry> decisions,
        OffsetDateTime recordedAt,

        @Schema(description = "The session's version, also the ETag", minimum = "0", maximum = SchemaLimits.INT64_MAX)
        long version) {}
