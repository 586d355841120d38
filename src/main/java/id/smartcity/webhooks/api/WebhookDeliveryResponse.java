package id.smartcity.webhooks.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.smartcity.platform.openapi.SchemaLimits;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "One delivery attempt")
public record WebhookDeliveryResponse(
        UUID id,

        @Schema(description = "The delivered event's id (webhook-id)", maxLength = 64)
        String eventId,

        OffsetDateTime attemptedAt,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "The receiver's HTTP status; absent when none was received",
                minimum = "100",
                maximum = "599")
        Integer statusCode,

        @Schema(minimum = "0", maximum = SchemaLimits.INT64_MAX)
        long durationMs,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(maxLength = 500)
        String error,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "When it is tried again, after a failure")
        OffsetDateTime nextAttemptAt,

        @Schema(description = "Whether the receiver answered 2xx")
        boolean success) {}
