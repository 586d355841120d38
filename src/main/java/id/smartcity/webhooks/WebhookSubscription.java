package id.smartcity.webhooks;

import id.smartcity.platform.persistence.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Who wants which change events delivered to which URL, and how far delivery has got. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends TimestampedEntity {

    public static final String AUDIT_TYPE = "WEBHOOK_SUBSCRIPTION";

    /** Delivery state: FAILING after 24 h of failed attempts (retries go on hourly). */
    public enum Status {
        ACTIVE,
        FAILING
    }

    @Id
    public UUID id;

    /** Caller.key() of the creator. */
    public String owner;

    @Column(name = "target_url")
    public String targetUrl;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", columnDefinition = "text[]")
    public String[] eventTypes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "region_codes", columnDefinition = "text[]")
    public String[] regionCodes;

    public boolean active = true;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public Status status = Status.ACTIVE;

    /** Never in a response after creation or rotation, never in the audit trail or a log. */
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_valid_until")
    public OffsetDateTime previousSecretValidUntil;

    /** The worker's columns below are written by WebhookDeliveryWorker in SQL only. */

    /** The audit chain position delivered up to (kept by the delivery worker, in SQL). */
    @Column(name = "delivery_cursor", updatable = false)
    public long cursor;

    @Column(name = "next_attempt_at", updatable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(updatable = false)
    public int attempts;

    @Column(name = "failing_since", updatable = false)
    public OffsetDateTime failingSince;

    @Version
    public long version;
}
