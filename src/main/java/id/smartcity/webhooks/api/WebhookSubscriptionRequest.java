package id.smartcity.webhooks.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookSubscriptionRequest", description = "Where to deliver which change events")
public record WebhookSubscriptionRequest(
        @NotBlank
        @Size(max = 2000)
        @Schema(
                description = "https URL receiving a POST per event (no private, loopback or link-local address)",
                examples = "https://erp.example.go.id/hooks/smartcity",
                maxLength = 2000)
        String targetUrl,

        @Size(max = 100)
        @Schema(description = "Event types (ChangeEvent.type) to deliver; empty or absent: every type", maxItems = 100)
        List<@Size(max = 64) String> eventTypes,

        @Size(max = 100)
        @Schema(
                description = "Regions whose events to deliver, within the caller's; absent: the caller's regions at"
                        + " creation (for admin: every region)",
                maxItems = 100)
        List<@Size(max = 5) String> regionCodes,

        @Schema(description = "false pauses delivery (default true)")
        Boolean active) {}
