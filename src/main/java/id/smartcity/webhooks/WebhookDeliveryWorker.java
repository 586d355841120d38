package id.smartcity.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.changes.ChangeEvent;
import id.smartcity.changes.ChangeFeed;
import id.smartcity.changes.ChangeNotifier;
import id.smartcity.changes.ChangeQuery;
import id.smartcity.changes.ChangeType;
import id.smartcity.changes.api.ChangeEventResponse;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers the change feed to subscriptions, one event at a time in feed order. A claim takes due
 * subscriptions (active, retry time reached, cursor behind the chain's head) with {@code FOR UPDATE
 * SKIP LOCKED} (so instances share the work), leasing them by moving {@code next_attempt_at} ahead;
 * then the delivery of each reads up to {@value #EVENTS_PER_RUN} events after its cursor through
 * {@link ChangeFeed} (its types and regions), POSTs them, and advances the cursor past every event
 * answered with 2xx. The first failure stops the
 * subscription's run and schedules a retry of that same event (5 s, 30 s, 2 min, 10 min, 1 h, then
 * hourly, each plus up to 20 % jitter); after 24 h of failures the subscription is FAILING (and
 * still retried hourly). The worker's columns are written here in SQL only: the API never
 * writes them (they are not updatable in the entity).
 *
 * <p><b>When it runs.</b> One thread of the instance's own claims ({@link #signal}): every second,
 * and as soon as the change feed's listening connection ({@link ChangeNotifier}) announces a
 * commit, so a delivery leaves right after the change commits. Signals while a claim is under way
 * coalesce into one claim after it. It claims at most as many subscriptions as there are free
 * delivery threads ({@value #DELIVERY_THREADS}), and hands each to one of them: subscriptions are
 * delivered side by side, each one event at a time, so a slow receiver holds one thread, not the
 * others' deliveries. A delivery that ends signals again (its subscription may have more, or
 * others wait for a thread). A subscription with nothing to deliver (its cursor at the head) is not
 * claimed, so idle subscriptions cost no write. Off with {@code
 * smartcity.webhooks.worker-enabled=false} (the test profile: tests call {@link #runOnce}, which
 * claims and delivers on the caller's thread).
 *
 * <p><b>The lease.</b> A claim moves {@code next_attempt_at} {@link #LEASE} ahead (and reads the
 * chain's head, up to which the run reads its events). Each attempt then costs one statement, one
 * commit ({@link WebhookDeliveryStore#attempted}): its log row, the cursor moved past the event if
 * it was answered 2xx, and the lease renewed {@link #LEASE} ahead before the next event is sent — or,
 * after the run's last event or a failure, the run's outcome. Every write of the run is conditional
 * on the lease being still the one this run set ({@code next_attempt_at} is the fencing token). An
 * instance killed mid-run thus holds its subscriptions for at most {@link #LEASE} and leaves at most
 * the event in flight to be sent again; a run that lost its lease (it was slower than the lease, or
 * the subscription was deleted) stops before sending more.
 */
@ApplicationScoped
public class WebhookDeliveryWorker {

    static final int SUBSCRIPTIONS_PER_RUN = 10;
    /** Subscriptions delivered at once by one instance (each holds a pool connection only per statement). */
    static final int DELIVERY_THREADS = 8;

    static final int EVENTS_PER_RUN = 20;
    /** Longer than one attempt (connect 2 s, answer 10 s) and the writes around it. */
    static final Duration LEASE = Duration.ofSeconds(30);

    static final Duration FAILING_AFTER = Duration.ofHours(24);
    static final long[] BACKOFF_SECONDS = {5, 30, 120, 600, 3600};

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryWorker.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebhookDeliveryStore store;

    @Inject
    ChangeFeed feed;

    @Inject
    WebhookSender sender;

    @Inject
    ObjectMapper mapper;

    @Inject
    ChangeNotifier notifier;

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
            String status,
            OffsetDateTime lease,
            long head) {}

    /** The one thread claims happen on (null when the worker is off). */
    private volatile ExecutorService claimer;
    /** The threads deliveries happen on, one subscription each. */
    private volatile ExecutorService deliverers;
    /** Free delivery threads: taken by the claimer only, given back by each delivery as it ends. */
    private final Semaphore free = new Semaphore(DELIVERY_THREADS);
    /** A claim is queued on the claimer and has not started yet: further signals add nothing. */
    private final AtomicBoolean queued = new AtomicBoolean();

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        deliverers = Executors.newFixedThreadPool(DELIVERY_THREADS, daemon("webhook-delivery"));
        claimer = Executors.newSingleThreadExecutor(daemon("webhook-claim"));
        notifier.onAppended(this::signal);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    void stop(@Observes ShutdownEvent event) {
        ExecutorService c = claimer;
        ExecutorService d = deliverers;
        claimer = null;
        deliverers = null;
        if (c == null) {
            return;
        }
        c.shutdown();
        d.shutdown();
        try {
            if (!d.awaitTermination(5, TimeUnit.SECONDS)) {
                d.shutdownNow(); // what is cut short is sent again once the lease lapses
            }
        } catch (InterruptedException ex) {
            d.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Scheduled(every = "1s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        signal();
    }

    /**
     * Asks for a claim on the claimer's thread soon: at once when none is under way, else right
     * after the one under way. Never blocks; a burst of signals makes one claim. Nothing when the
     * worker is off.
     */
    void signal() {
        ExecutorService c = claimer;
        if (c == null || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            c.execute(this::claimAndHandOut);
        } catch (RejectedExecutionException ex) {
            queued.set(false); // shutting down
        }
    }

    private void claimAndHandOut() {
        // Cleared first: a signal from now on (a commit this claim may not see) queues the next.
        queued.set(false);
        ExecutorService d = deliverers;
        int available = free.availablePermits();
        if (d == null || available == 0) {
            return; // every delivery thread is busy; each signals as it ends
        }
        List<Claimed> claimed;
        try {
            claimed = claim(Instant.now(), available);
        } catch (RuntimeException e) {
            LOG.warn("Claiming webhook subscriptions failed", e);
            return;
        }
        for (Claimed s : claimed) {
            free.acquireUninterruptibly(); // never waits: only this thread takes permits
            try {
                d.execute(() -> deliverAndSignal(s));
            } catch (RejectedExecutionException e) {
                free.release(); // shutting down: the lease lapses and another instance delivers
            }
        }
    }

    private void deliverAndSignal(Claimed s) {
        try {
            deliver(s, Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Delivering to webhook subscription %s failed", s.id());
        } finally {
            free.release();
        }
        // This subscription may have more (a full batch), or others wait for a free thread. No busy
        // loop: a claim finds only subscriptions with events to deliver and no lease or backoff.
        signal();
    }

    /** One run now; returns the number of deliveries attempted. */
    public int runOnce() {
        return runOnce(Instant.now());
    }

    /** One run as if it were {@code now} (tests move time forward to reach a retry). */
    public int runOnce(Instant now) {
        int attempted = 0;
        for (Claimed s : claim(now, SUBSCRIPTIONS_PER_RUN)) {
            attempted += deliver(s, now);
        }
        return attempted;
    }

    /** Claims up to {@code limit} due subscriptions: active, retry time reached, events after the cursor. */
    private List<Claimed> claim(Instant now, int limit) {
        // The chain's committed head is read here too: the claimed runs read their events up to it.
        String sql = "UPDATE webhook_subscription s SET next_attempt_at = ? FROM (SELECT w.id, h.last_id AS head"
                + " FROM webhook_subscription w, (SELECT last_id FROM audit_chain_head WHERE id = 1) h"
                + " WHERE w.active AND w.next_attempt_at <= ? AND w.delivery_cursor < h.last_id"
                + " ORDER BY w.next_attempt_at LIMIT ? FOR UPDATE OF w SKIP LOCKED) d"
                + " WHERE s.id = d.id RETURNING s.id, s.target_url, s.event_types, s.region_codes, s.secret,"
                + " s.previous_secret, s.previous_secret_valid_until, s.delivery_cursor, s.attempts, s.failing_since,"
                + " s.status, s.next_attempt_at, d.head";
        List<Claimed> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, utc(now.plus(LEASE)));
            ps.setObject(2, utc(now));
            ps.setInt(3, limit);
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
                            rs.getString(11),
                            rs.getObject(12, OffsetDateTime.class),
                            rs.getLong(13)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming due webhook subscriptions failed", e);
        }
        return claimed;
    }

    private int deliver(Claimed s, Instant now) {
        // The run's clock: "now" moved on by the time the run has taken (tests pass a later "now").
        long started = System.nanoTime();
        List<ChangeEvent> events = new ArrayList<>();
        feed.stream(query(s), s.head(), EVENTS_PER_RUN, events::add);
        // Every event up to the head that the subscription wants is in this run when it is not full.
        long end = events.size() < EVENTS_PER_RUN
                ? s.head()
                : events.get(events.size() - 1).position();
        if (events.isEmpty()) {
            store.update(s.id(), s.lease(), end, 0, null, "ACTIVE", elapsed(now, started));
            return 0;
        }
        OffsetDateTime lease = s.lease(); // set by the claim, just now
        int attempted = 0;
        for (ChangeEvent e : events) {
            WebhookSender.Result r = sender.send(s.id(), s.targetUrl(), e.id(), body(e), s.secrets());
            attempted++;
            Instant at = elapsed(now, started);
            if (!r.success()) {
                int attempts = s.attempts() + 1;
                OffsetDateTime failingSince = s.failingSince() != null ? s.failingSince() : utc(at);
                boolean failing = !failingSince.toInstant().plus(FAILING_AFTER).isAfter(at);
                String status = failing ? "FAILING" : s.status();
                // The cursor stays before this event (it moved past the ones before it already).
                if (store.attempted(
                                s.id(),
                                lease,
                                e.id(),
                                r,
                                0,
                                at.plus(backoff(attempts)),
                                new WebhookDeliveryStore.Outcome(attempts, failingSince, status))
                        == null) {
                    lostLease(s);
                }
                return attempted;
            }
            if (attempted == events.size()) {
                // The last one: the run's outcome in the same statement, due again at once.
                if (store.attempted(
                                s.id(), lease, e.id(), r, end, at, new WebhookDeliveryStore.Outcome(0, null, "ACTIVE"))
                        == null) {
                    lostLease(s);
                }
                return attempted;
            }
            // Past this event, and the lease renewed before the next one is sent.
            lease = store.attempted(s.id(), lease, e.id(), r, e.position(), at.plus(LEASE), null);
            if (lease == null) {
                lostLease(s);
                return attempted;
            }
        }
        return attempted;
    }

    private static void lostLease(Claimed s) {
        LOG.warnf("Webhook subscription %s: the lease was lost; another run delivers from here", s.id());
    }

    private static Instant elapsed(Instant now, long startedNanos) {
        return now.plusNanos(System.nanoTime() - startedNanos);
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

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
