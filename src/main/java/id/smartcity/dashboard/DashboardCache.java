package id.smartcity.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.platform.http.CacheCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;
import org.postgresql.PGStatement;

/**
 * Computed dashboards, reused while nothing they show has changed, correct across any number of
 * instances sharing the database.
 *
 * <p>The change counter of a region is the id of its latest audit event (or of the latest event
 * without a region, such as a framework version's). Every change appends an event in its own
 * transaction (see {@code AuditTrail}), and ids are handed out under the chain head's lock,
 * which is held until commit: so ids become visible in id order, and a region's counter moves
 * with every committed change of the region, whichever instance made it. Each request reads the
 * counter (two index-only lookups) <em>before</em> any figure; a dashboard is filed under the
 * counter read before it was computed, so its figures are never older than its counter, and it is
 * served only while the counter and the calendar day (overdue milestones) are unchanged. A
 * change made in SQL outside the API, without an audit event, is not seen until the region's
 * next audited change or a restart.
 */
@ApplicationScoped
@Startup // its metrics exist from the start, at 0, so that rate() and the alerts see them
public class DashboardCache {

    /** More regions than Indonesia has regencies and cities (514): a bound, not a policy. */
    static final int MAX_ENTRIES = 2_000;

    /** A dashboard with its content ETag, as of change counter {@code stamp} on {@code day}. */
    public record Entry(long stamp, LocalDate day, DashboardResponse body, String etag) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    /**
     * The latest audit event of the region and the latest without a region, each read from the end
     * of its own index (audit_event_region_idx, audit_event_unregioned_idx): two index-only lookups
     * whatever the number of events (V10).
     */
    static final String STAMP_SQL = "SELECT greatest((SELECT max(id) FROM audit_event WHERE region_code = ?),"
            + " (SELECT max(id) FROM audit_event WHERE region_code IS NULL), 0)";

    /**
     * The region's change counter, read now from the database.
     *
     * <p>Planned afresh on every execution, never as a server-side prepared statement: a pooled
     * connection otherwise keeps the generic plan PostgreSQL made when audit_event was small (a
     * sequential scan is cheapest then) long after the table has grown, and nothing replans it
     * until the table is analyzed. Measured in the benchmark (autovacuum off): 27-48 ms per
     * dashboard, growing with the trail, instead of 0.3 ms (issue #9). Planning this statement
     * costs about 0.2 ms.
     */
    public long stamp(String regionCode) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(STAMP_SQL)) {
                s.unwrap(PGStatement.class).setPrepareThreshold(0);
                s.setString(1, regionCode);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    @Inject
    MeterRegistry registry;

    private CacheCounters counters;

    @PostConstruct
    void init() {
        counters = CacheCounters.register(
                registry,
                "smartcity.dashboard.cache",
                "Dashboards answered from the cache (hit) or computed: the region changed, a new day, or not"
                        + " cached yet (miss)");
    }

    /** The cached dashboard if it was computed at this counter on this day; null otherwise. */
    public Entry find(String regionCode, long stamp, LocalDate day) {
        Entry e = entries.get(regionCode);
        return counters.count(e != null && e.stamp() == stamp && e.day().equals(day)) ? e : null;
    }

    /** Files a dashboard computed after {@code stamp} was read; answers it with its ETag. */
    public Entry put(String regionCode, long stamp, LocalDate day, DashboardResponse body) {
        Entry e = new Entry(stamp, day, body, digest(body));
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        // Never replace a dashboard of a later counter with one of an earlier (a slower request).
        entries.merge(regionCode, e, (old, fresh) -> old.stamp() > fresh.stamp() ? old : fresh);
        return e;
    }

    private String digest(DashboardResponse body) {
        try {
            byte[] json = mapper.writeValueAsBytes(body);
            return "d"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 12);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
