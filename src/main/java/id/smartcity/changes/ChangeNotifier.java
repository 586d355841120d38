package id.smartcity.changes;

import id.smartcity.audit.AuditChain;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes waiting long polls when events commit. One connection per instance, outside the pool,
 * {@code LISTEN}s on {@link AuditChain#APPENDED_CHANNEL} (every append notifies it in its own
 * transaction, delivered on commit) on one platform thread of its own; no request thread ever
 * blocks on it. Waiters hold no thread: {@link #changeAfter} is a {@link Uni} that completes on the
 * next notification of an event the waiter may see, or at its timeout.
 *
 * <p>Every {@link #HEARTBEAT} the waiters are woken even without a notification: they read again
 * (and find nothing, or what a lost notification did not announce, e.g. while the listening
 * connection was being re-established) and wait on. That also bounds how many callbacks of waiters
 * that already timed out the pending future holds.
 */
@ApplicationScoped
public class ChangeNotifier {

    private static final Logger LOG = Logger.getLogger(ChangeNotifier.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private final AtomicReference<CompletableFuture<Boolean>> next = new AtomicReference<>(new CompletableFuture<>());
    /** The newest position announced, overall and per region ("" for events of no region). */
    private volatile long lastNotified;

    private final java.util.concurrent.ConcurrentHashMap<String, Long> latestByRegion =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Called on the listener thread whenever newer events were announced; they must not block. */
    private final java.util.List<Runnable> appendedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "change-feed-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /**
     * Calls {@code listener} on the listening thread each time a notification announces events
     * newer than any announced before (several notifications read at once call it once). It must
     * return at once: hand the work to a thread of one's own (the webhook delivery worker signals
     * its executor).
     */
    public void onAppended(Runnable listener) {
        appendedListeners.add(listener);
    }

    /** Whether the listening connection is up (for tests and health). */
    public boolean listening() {
        return listening;
    }

    /**
     * Completes when an event after position {@code seen} that the query may answer has committed
     * (at once if one was announced already), at a heartbeat, or after {@code max} at the latest.
     * Announcements of other regions' events do not wake the waiter: a busy region does not make
     * every long poll of every other region read again.
     */
    public Uni<Void> changeAfter(long seen, ChangeQuery query, Duration max) {
        return changeAfter(seen, query, System.nanoTime() + max.toNanos());
    }

    private Uni<Void> changeAfter(long seen, ChangeQuery query, long deadline) {
        // The future first, then the positions: the listener writes them in the opposite order, so
        // an announcement between the two is seen in one of them.
        CompletableFuture<Boolean> pending = next.get();
        if (announcedAfter(seen, query)) {
            return Uni.createFrom().voidItem();
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return Uni.createFrom().voidItem();
        }
        // A stage of this waiter's own: Mutiny cancels the stage it waits on at the timeout, and
        // the shared future must stay for the other waiters.
        return Uni.createFrom()
                .completionStage(pending.thenApply(heartbeat -> heartbeat))
                .ifNoItem()
                .after(Duration.ofNanos(remaining))
                .recoverWithItem(Boolean.TRUE)
                .flatMap(heartbeat -> heartbeat ? Uni.createFrom().voidItem() : changeAfter(seen, query, deadline));
    }

    private boolean announcedAfter(long seen, ChangeQuery query) {
        if (lastNotified <= seen) {
            return false;
        }
        if (query.regionCode() == null && query.visibleRegions() == null) {
            return true;
        }
        for (var e : latestByRegion.entrySet()) {
            if (e.getValue() > seen && query.interestedIn(e.getKey().isEmpty() ? null : e.getKey())) {
                return true;
            }
        }
        return false;
    }

    /** Wakes every waiter: {@code heartbeat} true makes them read again whatever was announced. */
    private void wakeAll(boolean heartbeat) {
        next.getAndSet(new CompletableFuture<>()).complete(heartbeat);
    }

    private void run() {
        long backoffMillis = 100;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, username, password.orElse(""))) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + AuditChain.APPENDED_CHANNEL);
                }
                listening = true;
                backoffMillis = 100;
                wakeAll(true); // whatever committed while nobody listened
                PGConnection pg = c.unwrap(PGConnection.class);
                long lastWake = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    long newest = lastNotified;
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            String payload = n.getParameter();
                            int space = payload.indexOf(' ');
                            long position = position(space < 0 ? payload : payload.substring(0, space));
                            latestByRegion.merge(space < 0 ? "" : payload.substring(space + 1), position, Math::max);
                            newest = Math.max(newest, position);
                        }
                    }
                    boolean heartbeat = System.nanoTime() - lastWake >= HEARTBEAT.toNanos();
                    boolean appended = newest > lastNotified;
                    if (appended || heartbeat) {
                        lastNotified = newest;
                        lastWake = System.nanoTime();
                        wakeAll(heartbeat);
                    }
                    if (appended) {
                        for (Runnable listener : appendedListeners) {
                            try {
                                listener.run();
                            } catch (RuntimeException e) {
                                LOG.warn("A listener of appended audit events failed", e);
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    LOG.warnf(
                            "The change feed's listening connection failed (%s); retrying in %d ms",
                            e.getSQLState(), backoffMillis);
                    sleep(backoffMillis);
                    backoffMillis = Math.min(backoffMillis * 2, 10_000);
                }
            }
        }
        listening = false;
    }

    private static long position(String payload) {
        try {
            return Long.parseLong(payload);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
