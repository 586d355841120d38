package id.smartcity.webhooks.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.smartcity.platform.openapi.SchemaLimits;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookSubscription", description = "A webhook subscription and how far delivery has got")
public record WebhookSubscriptionResponse(
        UUID id,
        @Schema(maxLength = 2000) String targetUrl,
        @Schema(maxItems = 100) List<@Size(max = 64) String> eventTypes,
        @Schema(maxItems = 100) List<@Size(max = 5) String> regionCodes,
        boolean active,

        @Schema(
                description = "ACTIVE, or FAILING after 24 h of failed deliveries (retried hourly)",
                enumeration = {"ACTIVE", "FAILING"},
                maxLength = 10)
        String status,

        @Schema(
                description = "The change feed cursor delivered up to (pass it as after to GET /changes)",
                pattern = "^[A-Za-z0-9_-]+$",
                maxLength = 40)
        String cursor,

        @Schema(description = "Failed attempts of the current event", minimum = "0", maximum = "2147483647")
        int attempts,

        OffsetDateTime nextAttemptAt,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Until when the previous secret still signs deliveries, during a rotation")
        OffsetDateTime previousSecretValidUntil,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "The signing secret: only in the answer that created or rotated it, never again",
                pattern = "^whsec_[A-Za-z0-9+/=]+$",
                maxLength = 100)
        String secret,

        @Schema(description = "Version, also sent as the ETag", minimum = "0", maximum = SchemaLimits.INT64_MAX)
        long version,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
