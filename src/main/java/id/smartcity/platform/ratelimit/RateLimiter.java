package id.smartcity.platform.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Counts requests per caller and calendar minute (UTC), in memory, and shares the counts with
 * every other instance through PostgreSQL once a second ({@link #sync()}).
 *
 * <p>A request is decided at once, from this instance's own count for the minute (exact) plus the
 * other instances' count as of the last sync (at most about a second old): no database round trip
 * and no thread switch per request. So one instance never lets a caller past its limit, and
 * several instances together let through at most what the others counted in the last second
 * before they learn of it. A flood costs memory and CPU of the instance it reaches, never a
 * database write per request; and when PostgreSQL is down, every instance still limits on its own
 * count (the unsent hits are sent when it is back).
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    static final long MINUTE_MILLIS = 60_000;

    /**
     * Callers counted in a minute beyond which a new caller is refused outright until the minute
     * ends: a bound on this instance's memory however many addresses a flood comes from. Each
     * window is about 150 bytes plus the caller's name.
     */
    static final int MAX_CALLERS = 200_000;

    static final int MAX_CALLER_LENGTH = 200;

    @Inject
    RateLimitStore store;

    @Inject
    MeterRegistry registry;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private Timer syncTimer;

    /** Whether the last sync failed: logged once per outage, not every second. */
    private boolean failing;

    /** One caller's count in one calendar minute. */
    static final class Window {
        final long minute;
        /** Requests counted by this instance in this minute. */
        final AtomicInteger own = new AtomicInteger();
        /** Of {@link #own}, not yet added to the shared count. */
        final AtomicInteger unsent = new AtomicInteger();
        /** Of {@link #own}, already added to the shared count. */
        int sent;
        /** The other instances' requests in this minute, as of the last sync. */
        volatile int others;

        Window(long minute) {
            this.minute = minute;
        }
    }

    /** The caller's count after one more request. */
    public record Hit(int limit, int hits, int resetSeconds) {

        public boolean exceeded() {
            return hits > limit;
        }

        public int remaining() {
            return Math.max(0, limit - hits);
        }
    }

    @PostConstruct
    void init() {
        syncTimer = Timer.builder("smartcity.rate.limit.sync")
                .description("Time to share this instance's rate-limit counts with the other instances")
                .register(registry);
    }

    /** Counts one request of {@code caller} at {@code nowMillis} (epoch); never blocks. */
    public Hit hit(String caller, int limit, long nowMillis) {
        if (caller.length() > MAX_CALLER_LENGTH) {
            // The shared table's key holds 300 characters; a longer name (an odd token subject) is
            // shortened to a prefix and its digest, which stay unique.
            caller = caller.substring(0, 120) + "#" + sha256(caller);
        }
        long minute = Math.floorDiv(nowMillis, MINUTE_MILLIS);
        Window w = windows.get(caller);
        if (w == null || w.minute != minute) {
            if (w == null && windows.size() >= MAX_CALLERS) {
                return new Hit(limit, limit + 1, resetSeconds(minute, nowMillis));
            }
            // A request stamped just before the minute turned, arriving after a newer one, counts
            // in the newer minute rather than being lost.
            w = windows.compute(caller, (k, old) -> old != null && old.minute >= minute ? old : new Window(minute));
        }
        int own = w.own.incrementAndGet();
        w.unsent.incrementAndGet();
        long hits = (long) own + w.others;
        return new Hit(limit, (int) Math.min(hits, Integer.MAX_VALUE), resetSeconds(w.minute, nowMillis));
    }

    /**
     * Adds this instance's unsent counts of the current minute to the shared ones and learns the
     * other instances' counts; forgets windows of past minutes. Every second, and on demand.
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void sync() {
        long minute = Math.floorDiv(System.currentTimeMillis(), MINUTE_MILLIS);
        windows.entrySet().removeIf(e -> e.getValue().minute < minute);
        List<String> callers = new ArrayList<>();
        List<Window> batch = new ArrayList<>();
        windows.forEach((caller, w) -> {
            if (w.unsent.get() > 0) {
                callers.add(caller);
                batch.add(w);
            }
        });
        if (batch.isEmpty()) {
            return;
        }
        int[] counts = new int[batch.size()];
        long[] minutes = new long[batch.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = batch.get(i).unsent.getAndSet(0);
            minutes[i] = batch.get(i).minute;
        }
        long start = System.nanoTime();
        try {
            int[] totals = store.add(callers, minutes, counts);
            if (failing) {
                LOG.info("Rate-limit counts are shared again");
                failing = false;
            }
            for (int i = 0; i < counts.length; i++) {
                Window w = batch.get(i);
                w.sent += counts[i];
                if (totals[i] > 0) {
                    w.others = Math.max(0, totals[i] - w.sent);
                }
            }
        } catch (SQLException e) {
            // Kept for the next sync; meanwhile every instance limits on its own count.
            for (int i = 0; i < counts.length; i++) {
                batch.get(i).unsent.addAndGet(counts[i]);
            }
            if (!failing) {
                LOG.warnf(
                        "Rate-limit counts not shared (SQLState %s); each instance limits on its own counts"
                                + " and retries every second",
                        e.getSQLState());
                failing = true;
            }
        } finally {
            syncTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** Whole seconds until the minute ends, 1 to 60. */
    private static int resetSeconds(long minute, long nowMillis) {
        return (int) Math.min(60, Math.max(1, ((minute + 1) * MINUTE_MILLIS - nowMillis + 999) / 1000));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
