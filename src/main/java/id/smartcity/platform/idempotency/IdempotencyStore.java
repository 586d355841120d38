package id.smartcity.platform.idempotency;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The table {@code idempotency_key} over plain JDBC, on the connection of the caller's
 * transaction (see {@link IdempotencyInterceptor} for why that matters).
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);

    @Inject
    IdempotencyConfig config;

    @Inject
    AgroalDataSource dataSource;

    /** What a key holds for a request: free to run, taken by a running request, or answered. */
    sealed interface Claim permits Free, InUse, Recorded {}

    record Free() implements Claim {}

    record InUse() implements Claim {}

    record Recorded(String fingerprint, String method, String path, StoredResponse response) implements Claim {}

    /**
     * The name of the transaction-level advisory lock that a request holds on its key from before
     * it looks the key up until its transaction ends. {@code hashtextextended} of it is the lock.
     */
    public static String lockName(String caller, String key) {
        return caller + "\n" + key;
    }

    /**
     * Takes the key for the connection's transaction, without waiting: another transaction holding
     * it is a request with the same key still running ({@link InUse}). Otherwise answers what the
     * key recorded, or {@link Free}. An expired record is removed here, so expiry never depends on
     * the purge having run.
     */
    Claim claim(Connection c, String caller, String key) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, lockName(caller, key));
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return new InUse();
                }
            }
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT fingerprint, method, path, status, content_type, location, etag, body, expires_at > now()"
                        + " FROM idempotency_key WHERE caller = ? AND key = ?")) {
            select.setString(1, caller);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return new Free();
                }
                if (rs.getBoolean(9)) {
                    return new Recorded(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            new StoredResponse(
                                    rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8)));
                }
            }
        }
        try (PreparedStatement expired =
                c.prepareStatement("DELETE FROM idempotency_key WHERE caller = ? AND key = ?")) {
            expired.setString(1, caller);
            expired.setString(2, key);
            expired.executeUpdate();
        }
        return new Free();
    }

    /** Records the response in the connection's transaction: it commits with the change, or not at all. */
    void record(Connection c, String caller, IdempotentRequest request, StoredResponse response) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO idempotency_key (caller, key, fingerprint,"
                + " method, path, status, content_type, location, etag, body, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now() + make_interval(secs => ?))")) {
            insert.setString(1, caller);
            insert.setString(2, request.key());
            insert.setString(3, request.fingerprint());
            insert.setString(4, request.method());
            insert.setString(5, request.path());
            insert.setInt(6, response.status());
            insert.setString(7, response.contentType());
            insert.setString(8, response.location());
            insert.setString(9, response.etag());
            insert.setBytes(10, response.body());
            insert.setLong(11, config.retention().toSeconds());
            insert.executeUpdate();
        }
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        purgeExpired();
    }

    /** Deletes expired records (every instance does, every 10 minutes; deleting twice is harmless). */
    public int purgeExpired() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            int deleted = s.executeUpdate("DELETE FROM idempotency_key WHERE expires_at <= now()");
            if (deleted > 0) {
                LOG.debugf("Purged %d expired idempotency keys", deleted);
            }
            return deleted;
        } catch (SQLException e) {
            LOG.warnf(
                    "Could not purge expired idempotency keys (SQLState %s); the next run tries again",
                    e.getSQLState());
            return 0;
        }
    }

    void checkRetention(@Observes StartupEvent started) {
        if (config.retention().compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalStateException("smartcity.idempotency.retention (IDEMPOTENCY_KEY_RETENTION) is "
                    + config.retention() + "; keys must be kept for at least 24 hours");
        }
    }
}
