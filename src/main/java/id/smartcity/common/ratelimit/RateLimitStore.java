package id.smartcity.common.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * The windows in PostgreSQL's {@code rate_limit_window}, shared by every instance. One statement
 * per request, in its own short transaction: it opens the caller's window or counts the request
 * in it, atomically (the row lock orders concurrent requests of one caller, on any instance).
 * A window is the minute from a caller's first request after the previous window ended.
 */
@ApplicationScoped
public class RateLimitStore {

    private static final Logger LOG = Logger.getLogger(RateLimitStore.class);

    static final String HIT = "INSERT INTO rate_limit_window AS w (caller, window_start, hits) VALUES (?, now(), 1)"
            + " ON CONFLICT (caller) DO UPDATE SET"
            + " window_start = CASE WHEN w.window_start > now() - interval '1 minute' THEN w.window_start"
            + " ELSE now() END,"
            + " hits = CASE WHEN w.window_start > now() - interval '1 minute' THEN LEAST(w.hits + 1, 2000000000)"
            + " ELSE 1 END"
            + " RETURNING hits, CEIL(EXTRACT(EPOCH FROM window_start + interval '1 minute' - now()))::int";

    @Inject
    AgroalDataSource dataSource;

    /** The caller's window after counting one more request. */
    public record Hit(int limit, int hits, int resetSeconds) {

        public boolean exceeded() {
            return hits > limit;
        }

        public int remaining() {
            return Math.max(0, limit - hits);
        }
    }

    /** Counts one request of the caller; blocking (JDBC). */
    public Hit hit(String caller, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement hit = c.prepareStatement(HIT)) {
            hit.setString(1, caller);
            try (ResultSet rs = hit.executeQuery()) {
                rs.next();
                return new Hit(limit, rs.getInt(1), Math.max(1, rs.getInt(2)));
            }
        }
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
