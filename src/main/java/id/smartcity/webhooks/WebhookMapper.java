package id.smartcity.webhooks;

import id.smartcity.changes.ChangeCursor;
import id.smartcity.webhooks.api.WebhookDeliveryResponse;
import id.smartcity.webhooks.api.WebhookSubscriptionRequest;
import id.smartcity.webhooks.api.WebhookSubscriptionResponse;
import java.util.List;

/** Entities to representations. The secret is only ever passed in when it was just made. */
public final class WebhookMapper {

    private WebhookMapper() {}

    public static WebhookSubscriptionResponse toResponse(WebhookSubscription s, String newSecret) {
        return new WebhookSubscriptionResponse(
                s.id,
                s.targetUrl,
                List.of(s.eventTypes),
                List.of(s.regionCodes),
                s.active,
                s.status.name(),
                ChangeCursor.encode(s.cursor),
                s.attempts,
                s.nextAttemptAt,
                s.previousSecretValidUntil,
                newSecret,
                s.version,
                s.createdAt,
                s.updatedAt);
    }

    /** The writable state, as audited: never the secret. */
    public static WebhookSubscriptionRequest toState(WebhookSubscription s) {
        return new WebhookSubscriptionRequest(s.targetUrl, List.of(s.eventTypes), List.of(s.regionCodes), s.active);
    }

    public static WebhookDeliveryResponse toResponse(WebhookDelivery d) {
        return new WebhookDeliveryResponse(
                d.id,
                d.eventId,
                d.attemptedAt,
                d.statusCode,
                d.durationMs,
                d.error,
                d.nextAttemptAt,
                d.statusCode != null && d.statusCode >= 200 && d.statusCode < 300);
    }
}
