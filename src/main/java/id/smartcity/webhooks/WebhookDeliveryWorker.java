package id.smartcity.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.changes.ChangeEvent;
import id.smartcity.changes.ChangeFeed;
import id.smartcity.changes.ChangeQuery;
import id.smartcity.changes.ChangeType;
import id.smartcity.changes.api.ChangeEventResponse;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers the change feed to subscriptions, one event at a time in feed order. Each run claims up
 * to {@value #SUBSCRIPTIONS_PER_RUN} due subscriptions with {@code FOR UPDATE SKIP LOCKED} (so
 * instances share the work), leasing them by moving {@code next_attempt_at} ahead; then reads the
 * events after each one's cursor through {@link ChangeFeed} (its types and regions), POSTs them,
 * and advances the cursor past every event answered with 2xx. The first failure stops the
 * subscription's run and schedules a retry of that same event (5 s, 30 s, 2 min, 10 min, 1 h, then
 * hourly, each plus up to 20 % jitter); after 24 h of failures the subscription is FAILING (and
 * still retried hourly). The worker's columns are written here in SQL only: the API never
 * writes them (they are not updatable in the entity).
 */
@ApplicationScoped
public class WebhookDeliveryWorker {

    static final int SUBSCRIPTIONS_PER_RUN = 10;
    static final int EVENTS_PER_RUN = 20;
    static final Duration LEASE = Duration.ofMinutes(10);
    static final Duration FAILING_AFTER = Duration.ofHours(24);
    static final long[] BACKOFF_SECONDS = {5, 30, 120, 600, 3600};

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryWorker.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChangeFeed feed;

    @Inject
    WebhookSender sender;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "smartcity.webhooks.worker-enabled", defaultValue = "true")
    boolean enabled;

    record Claimed(
            UUID id,
            String targetUrl,
            String[] eventTypes,
            String[] regionCodes,
            List<String> secrets,
            long cursor,
            int attempts,
            OffsetDateTime failingSince,
            String status) {}

    @Scheduled(every = "1s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("A webhook delivery run failed", e);
        }
    }

    /** One run now; returns the number of deliveries attempted. */
    public int runOnce() {
        return runOnce(Instant.now());
    }

    /** One run as if it were {@code now} (tests move time forward to reach a retry). */
    public int runOnce(Instant now) {
        int attempted = 0;
        for (Claimed s : claim(now)) {
            attempted += deliver(s, now);
        }
        return attempted;
    }

    private List<Claimed> claim(Instant now) {
        String sql = "UPDATE webhook_subscription s SET next_attempt_at = ? FROM (SELECT id FROM webhook_subscription"
                + " WHERE active AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) d"
                + " WHERE s.id = d.id RETURNING s.id, s.target_url, s.event_types, s.region_codes, s.secret,"
                + " s.previous_secret, s.previous_secret_valid_until, s.delivery_cursor, s.attempts, s.failing_since,"
                + " s.status";
        List<Claimed> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, utc(now.plus(LEASE)));
            ps.setObject(2, utc(now));
            ps.setInt(3, SUBSCRIPTIONS_PER_RUN);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> secrets = new ArrayList<>();
                    secrets.add(rs.getString(5));
                    String previous = rs.getString(6);
                    OffsetDateTime validUntil = rs.getObject(7, OffsetDateTime.class);
                    if (previous != null
                            && validUntil != null
                            && validUntil.toInstant().isAfter(Instant.now())) {
                        secrets.add(previous);
                    }
                    claimed.add(new Claimed(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            strings(rs.getArray(3)),
                            strings(rs.getArray(4)),
                            secrets,
                            rs.getLong(8),
                            rs.getInt(9),
                            rs.getObject(10, OffsetDateTime.class),
                            rs.getString(11)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming due webhook subscriptions failed", e);
        }
        return claimed;
    }

    private int deliver(Claimed s, Instant now) {
        long head = feed.head();
        List<ChangeEvent> events = new ArrayList<>();
        feed.stream(query(s), head, EVENTS_PER_RUN, events::add);
        long cursor = s.cursor();
        int attempted = 0;
        for (ChangeEvent e : events) {
            String body = body(e);
            WebhookSender.Result r = sender.send(s.targetUrl(), e.id(), body, s.secrets());
            attempted++;
            if (!r.success()) {
                int attempts = s.attempts() + 1;
                Instant next = now.plus(backoff(attempts));
                OffsetDateTime failingSince = s.failingSince() != null ? s.failingSince() : utc(now);
                boolean failing = !failingSince.toInstant().plus(FAILING_AFTER).isAfter(now);
                record(s.id(), e.id(), r, next);
                update(s.id(), cursor, attempts, failingSince, failing ? "FAILING" : s.status(), next);
                return attempted;
            }
            record(s.id(), e.id(), r, null);
            cursor = e.position();
        }
        // Every event up to the head that the subscription wants has been delivered.
        if (events.size() < EVENTS_PER_RUN) {
            cursor = Math.max(cursor, head);
        }
        update(s.id(), cursor, 0, null, "ACTIVE", now);
        return attempted;
    }

    private static ChangeQuery query(Claimed s) {
        Set<ChangeType> types = EnumSet.noneOf(ChangeType.class);
        for (String t : s.eventTypes()) {
            ChangeType.ofWireName(t).ifPresent(types::add);
        }
        List<Object> params = new ArrayList<>();
        String scope = "TRUE";
        if (s.regionCodes().length > 0) {
            params.add(s.regionCodes());
            scope = "a.region_code = ANY(?)";
        }
        return new ChangeQuery(s.cursor(), 0, types, null, scope, params, null);
    }

    /** The event as the feed shows it. */
    String body(ChangeEvent e) {
        try {
            return mapper.writeValueAsString(ChangeEventResponse.of(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("An event is always JSON", ex);
        }
    }

    /** The wait before the n-th retry (n ≥ 1): 5 s, 30 s, 2 min, 10 min, 1 h, then hourly; plus up to 20 %. */
    static Duration backoff(int attempts) {
        long base = BACKOFF_SECONDS[Math.min(attempts, BACKOFF_SECONDS.length) - 1];
        long jitterMs = ThreadLocalRandom.current().nextLong(base * 200 + 1);
        return Duration.ofSeconds(base).plusMillis(jitterMs);
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

    private void update(
            UUID id, long cursor, int attempts, OffsetDateTime failingSince, String status, Instant nextAttempt) {
        String sql = "UPDATE webhook_subscription SET delivery_cursor = GREATEST(delivery_cursor, ?), attempts = ?,"
                + " failing_since = ?, status = ?, next_attempt_at = ? WHERE id = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, cursor);
            ps.setInt(2, attempts);
            ps.setObject(3, failingSince, Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setString(4, status);
            ps.setObject(5, utc(nextAttempt));
            ps.setObject(6, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Updating webhook subscription " + id + " failed", e);
        }
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
