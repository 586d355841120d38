package id.smartcity.webhooks;

import static id.smartcity.webhooks.WebhookDeliveryWorker.utc;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What the delivery worker writes of a run: the lease and cursor of a subscription it holds
 * (fenced on the lease, so a run that lost it writes nothing), the run's outcome, and the log of
 * attempts that {@code GET …/deliveries} lists. Each statement commits on its own.
 */
@ApplicationScoped
public class WebhookDeliveryStore {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryStore.class);

    @Inject
    AgroalDataSource dataSource;

    /**
     * Before the next event is sent: moves the lease to {@code until} and the cursor past the
     * events delivered so far, if the lease is still {@code lease}; answers the new lease as stored,
     * or null when this run no longer holds the subscription. (The cursor moves with each event, so
     * an instance killed mid-run leaves at most the event in flight to be sent again.)
     */
    OffsetDateTime renew(UUID id, OffsetDateTime lease, Instant until, long cursor) {
        String sql =
                "UPDATE webhook_subscription SET next_attempt_at = ?, delivery_cursor = GREATEST(delivery_cursor, ?)"
                        + " WHERE id = ? AND next_attempt_at = ? RETURNING next_attempt_at";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, utc(until));
            ps.setLong(2, cursor);
            ps.setObject(3, id);
            ps.setObject(4, lease);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Renewing the lease of webhook subscription " + id + " failed", e);
        }
    }

    /** Logs one attempt (nothing when the subscription was deleted meanwhile). */
    void record(UUID subscription, String eventId, WebhookSender.Result r, Instant nextAttempt) {
        String sql = "INSERT INTO webhook_delivery (id, subscription_id, event_id, attempted_at, status_code,"
                + " duration_ms, error, next_attempt_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?"
                + " WHERE EXISTS (SELECT 1 FROM webhook_subscription WHERE id = ?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, subscription);
            ps.setString(3, eventId);
            ps.setObject(4, utc(Instant.now()));
            if (r.statusCode() == null) {
                ps.setNull(5, Types.INTEGER);
            } else {
                ps.setInt(5, r.statusCode());
            }
            ps.setLong(6, r.durationMs());
            ps.setString(7, r.error() == null ? null : truncate(r.error(), 500));
            ps.setObject(8, nextAttempt == null ? null : utc(nextAttempt), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(9, subscription);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Logging a webhook delivery of subscription %s failed: %s", subscription, e.getMessage());
        }
    }

    /** The run's outcome, written only while the run still holds the lease. */
    void update(
            UUID id,
            OffsetDateTime lease,
            long cursor,
            int attempts,
            OffsetDateTime failingSince,
            String status,
            Instant nextAttempt) {
        String sql = "UPDATE webhook_subscription SET delivery_cursor = GREATEST(delivery_cursor, ?), attempts = ?,"
                + " failing_since = ?, status = ?, next_attempt_at = ? WHERE id = ? AND next_attempt_at = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, cursor);
            ps.setInt(2, attempts);
            ps.setObject(3, failingSince, Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setString(4, status);
            ps.setObject(5, utc(nextAttempt));
            ps.setObject(6, id);
            ps.setObject(7, lease);
            if (ps.executeUpdate() == 0) {
                LOG.warnf("Webhook subscription %s: the lease was lost before the run's outcome was written", id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Updating webhook subscription " + id + " failed", e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
