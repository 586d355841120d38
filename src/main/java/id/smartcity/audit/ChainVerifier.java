package id.smartcity.audit;

import id.smartcity.audit.api.VerifyResponse;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Recomputes the chain from the stored columns, one row at a time from a server-side cursor in
 * one consistent snapshot: memory stays flat whatever the length of the chain. An event is broken
 * when it is missing (a gap in ids), when its previousHash is not its predecessor's hash, when
 * its stored hash is not the hash of its columns, or when the chain head disagrees with the last
 * event (events removed from the end).
 */
@ApplicationScoped
@Startup // its gauge exists from the start (NaN until the first verification), for the alert
public class ChainVerifier {

    private static final int FETCH_SIZE = 1000;

    @Inject
    AgroalDataSource dataSource;

    /**
     * The outcome of the last verification on this instance: 1 intact, 0 broken, NaN before the
     * first ({@code smartcity_audit_chain_intact}; the alert {@code SmartCityAuditChainBroken}).
     */
    private final AtomicReference<Double> lastOutcome = new AtomicReference<>(Double.NaN);

    @Inject
    void registerMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.Gauge.builder("smartcity.audit.chain.intact", lastOutcome, AtomicReference::get)
                .description("1 when the last verification of the audit chain found it intact, 0 when broken")
                .register(registry);
    }

    /** Checks events {@code fromId..toId} (inclusive; null = from the first / to the last). */
    public VerifyResponse verify(Long fromId, Long toId) {
        long first = fromId == null ? 1 : fromId;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                VerifyResponse result = verifyOn(c, first, toId);
                lastOutcome.set(result.valid() ? 1.0 : 0.0);
                return result;
            } finally {
                c.rollback();
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Verifying the audit trail failed", e);
        }
    }

    /** The check itself, on a connection already in a read-only snapshot transaction. */
    static VerifyResponse verifyOn(Connection c, long first, Long toId) throws SQLException {
        long headId;
        String headHash;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            headId = rs.getLong(1);
            headHash = rs.getString(2);
        }
        long end = toId == null ? Long.MAX_VALUE : toId;
        String previous = AuditChain.GENESIS;
        if (first > 1) {
            try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_event WHERE id = ?")) {
                ps.setLong(1, first - 1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new VerifyResponse(false, 0, first - 1, null);
                    }
                    previous = rs.getString(1);
                }
            }
        }
        long expected = first;
        long checked = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + AuditChain.COLUMNS + " FROM audit_event WHERE id >= ? AND id <= ? ORDER BY id")) {
            ps.setFetchSize(FETCH_SIZE);
            ps.setLong(1, first);
            ps.setLong(2, end);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (id != expected || id > headId) {
                        // A gap, or an event the chain head never counted.
                        return new VerifyResponse(false, checked, Math.min(expected, headId + 1), previous);
                    }
                    String stored = rs.getString(14);
                    if (!intact(rs, previous, stored)) {
                        return new VerifyResponse(false, checked, id, previous);
                    }
                    previous = stored;
                    checked++;
                    expected++;
                }
            }
        }
        long lastExpected = Math.min(end, headId);
        if (expected <= lastExpected) {
            // Events the head counts are missing at the end of the range.
            return new VerifyResponse(false, checked, expected, previous);
        }
        if (lastExpected == headId && headId > 0 && expected - 1 == headId && !headHash.equals(previous)) {
            return new VerifyResponse(false, checked, headId, previous);
        }
        return new VerifyResponse(true, checked, null, checked == 0 ? null : previous);
    }

    private static boolean intact(ResultSet rs, String previous, String stored) {
        try {
            AuditEvent e = AuditChain.read(rs);
            return previous.equals(e.previousHash())
                    && stored.equals(AuditChain.hash(e.previousHash(), AuditChain.canonical(e)));
        } catch (SQLException | RuntimeException unreadable) {
            // A column altered into something that no longer even reads.
            return false;
        }
    }
}
