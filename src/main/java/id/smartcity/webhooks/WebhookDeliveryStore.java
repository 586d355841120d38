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
 * attempts that {@code GET …/deliveries} lists. Each statement commits on its own; an attempt's
 * log row, the cursor moved past it and the renewed lease (or the run's outcome) are one statement,
 * so one delivery costs one commit.
 *
 * <p>The commit of a delivered event's statement is asynchronous ({@code synchronous_commit = off}
 * for that transaction): it is visible at once and written to disk by PostgreSQL's WAL writer
 * within about 0.6 s, so the delivery thread does not wait for a flush and the API's writes do not
 * queue behind one. Only a crash of the database server itself can lose such a commit (not a crash
 * of an API instance); what it loses is the last fraction of a second of cursor moves, lease
 * renewals and log rows, and each loss is safe: the cursor falls back, so those events are sent
 * again (at least once, in order); the lease falls back to an earlier renewal of the same run,
 * still at least 30 s minus one attempt (12 s at most) ahead of the attempt under way, and the
 * run's next statement fails (its connection is gone, and the fence no longer matches), so no
 * other run starts while it sends. Claims (which take the lease) and failed attempts (attempts,
 * retry time, FAILING) commit synchronously.
 */
@ApplicationScoped
public class WebhookDeliveryStore {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryStore.class);

    @Inject
    AgroalDataSource dataSource;

    /**
     * After an attempt, in one statement (one commit): logs it and, if the run still holds the lease
     * {@code lease}, moves the cursor to {@code cursor} (never back) and the lease to {@code until}.
     * With {@code outcome} the attempt also ends the run (or schedules its retry): {@code attempts},
     * {@code failingSince} and {@code status} are written too and {@code until} is when the
     * subscription is due next. Answers the new lease as stored, or null when this run no longer holds
     * the subscription (it was deleted, or another run took it): then nothing but the log row is
     * written, and nothing at all for a deleted subscription. (The cursor moves with each delivered
     * event, so an instance killed mid-run leaves at most the event in flight to be sent again.)
     */
    OffsetDateTime attempted(
            UUID id,
            OffsetDateTime lease,
            String eventId,
            WebhookSender.Result r,
            long cursor,
            Instant until,
            Outcome outcome) {
        String set = outcome == null ? "" : ", attempts = ?, failing_since = ?, status = ?";
        // The log row is written whether or not the lease is still ours (the attempt happened), as
        // long as the subscription exists; both parts see the statement's one snapshot.
        String sql = "WITH moved AS (UPDATE webhook_subscription SET delivery_cursor = GREATEST(delivery_cursor, ?),"
                + " next_attempt_at = ?" + set + " WHERE id = ? AND next_attempt_at = ? RETURNING next_attempt_at),"
                + " logged AS (" + INSERT_LOG + ")"
                + " SELECT (SELECT next_attempt_at FROM moved)"
                // A delivered event's commit does not wait for the WAL flush (see the class comment);
                // a failure's does.
                + (r.success() ? ", set_config('synchronous_commit', 'off', true)" : "");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, cursor);
            ps.setObject(i++, utc(until));
            if (outcome != null) {
                ps.setInt(i++, outcome.attempts());
                ps.setObject(i++, outcome.failingSince(), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setString(i++, outcome.status());
            }
            ps.setObject(i++, id);
            ps.setObject(i++, lease);
            logParameters(ps, i, id, eventId, r, r.success() ? null : until);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next(); // always one row: the new lease, or null
                return rs.getObject(1, OffsetDateTime.class);
            }
        } catch (SQLException e) {
            if ("23503".equals(e.getSQLState())) {
                return null; // the subscription was deleted after the statement's snapshot
            }
            throw new IllegalStateException("Recording a delivery to webhook subscription " + id + " failed", e);
        }
    }

    /** What an attempt that ends a run writes besides the cursor and the next attempt's time. */
    record Outcome(int attempts, OffsetDateTime failingSince, String status) {}

    /** The log row of an attempt, if the subscription (still) exists: 9 parameters. */
    private static final String INSERT_LOG =
            "INSERT INTO webhook_delivery (id, subscription_id, event_id, attempted_at,"
                    + " status_code, duration_ms, error, next_attempt_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?"
                    + " WHERE EXISTS (SELECT 1 FROM webhook_subscription WHERE id = ?)";

    private static void logParameters(
            PreparedStatement ps, int from, UUID subscription, String eventId, WebhookSender.Result r, Instant next)
            throws SQLException {
        int i = from;
        ps.setObject(i++, UUID.randomUUID());
        ps.setObject(i++, subscription);
        ps.setString(i++, eventId);
        ps.setObject(i++, utc(Instant.now()));
        if (r.statusCode() == null) {
            ps.setNull(i++, Types.INTEGER);
        } else {
            ps.setInt(i++, r.statusCode());
        }
        ps.setLong(i++, r.durationMs());
        ps.setString(i++, r.error() == null ? null : truncate(r.error(), 500));
        ps.setObject(i++, next == null ? null : utc(next), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(i, subscription);
    }

    /** Logs one attempt (nothing when the subscription was deleted meanwhile). */
    void record(UUID subscription, String eventId, WebhookSender.Result r, Instant nextAttempt) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT_LOG)) {
            logParameters(ps, 1, subscription, eventId, r, nextAttempt);
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
