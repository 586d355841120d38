package id.smartcity.platform.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The shared counts in PostgreSQL's {@code rate_limit_window}: one row per caller with its current
 * minute and the requests every instance has counted in it. Each instance adds what it counted
 * once a second ({@link RateLimiter#sync()}), for all its callers in one statement.
 */
@ApplicationScoped
public class RateLimitStore {

    private static final Logger LOG = Logger.getLogger(RateLimitStore.class);

    /**
     * Adds counts per caller and minute; a count of a newer minute replaces the row's, one of an
     * older minute (a late sync) is dropped. Rows are locked in the callers' order, the same on
     * every instance, so that two instances syncing the same callers never deadlock.
     */
    static final String ADD = "INSERT INTO rate_limit_window AS w (caller, window_start, hits)"
            + " SELECT t.caller, to_timestamp(t.minute * 60), t.hits"
            + " FROM unnest(?::varchar[], ?::bigint[], ?::int[]) AS t(caller, minute, hits)"
            + " ORDER BY t.caller"
            + " ON CONFLICT (caller) DO UPDATE SET window_start = excluded.window_start,"
            + " hits = CASE WHEN w.window_start = excluded.window_start"
            + " THEN LEAST(w.hits + excluded.hits, 2000000000) ELSE excluded.hits END"
            + " WHERE w.window_start <= excluded.window_start"
            + " RETURNING caller, hits";

    @Inject
    AgroalDataSource dataSource;

    /**
     * Adds {@code counts[i]} requests of {@code callers.get(i)} in minute {@code minutes[i]}
     * (epoch minutes) and returns the shared totals in the same order (0 where the row already
     * holds a newer minute). Blocking (JDBC).
     */
    public int[] add(List<String> callers, long[] minutes, int[] counts) throws SQLException {
        Map<String, Integer> totals = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement add = c.prepareStatement(ADD)) {
            add.setArray(1, c.createArrayOf("varchar", callers.toArray()));
            add.setArray(
                    2, c.createArrayOf("bigint", Arrays.stream(minutes).boxed().toArray()));
            add.setArray(
                    3, c.createArrayOf("integer", Arrays.stream(counts).boxed().toArray()));
            try (ResultSet rs = add.executeQuery()) {
                while (rs.next()) {
                    totals.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        int[] result = new int[callers.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = totals.getOrDefault(callers.get(i), 0);
        }
        return result;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        purgeIdle();
    }

    /** Forgets callers idle for ten minutes, so that the table holds only recent callers. */
    public int purgeIdle() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            return s.executeUpdate("DELETE FROM rate_limit_window WHERE window_start < now() - interval '10 minutes'");
        } catch (SQLException e) {
            LOG.warnf(
                    "Could not purge idle rate-limit windows (SQLState %s); the next run tries again", e.getSQLState());
            return 0;
        }
    }
}
