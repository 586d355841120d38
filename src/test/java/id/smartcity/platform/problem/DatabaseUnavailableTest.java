package id.smartcity.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** Which failures are "the database is not there" (503, retry) rather than a bug (500) or a conflict. */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresShutdownsAndAnEmptyPoolAreUnavailable() {
        assertTrue(DatabaseFailures.unavailable(new SQLException("I/O error", "08006")));
        assertTrue(DatabaseFailures.unavailable(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseFailures.unavailable(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseFailures.unavailable(new SQLException("too many clients", "53300")));
        assertTrue(
                DatabaseFailures.unavailable(new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(DatabaseFailures.unavailable(new IllegalStateException(
                "wrapped", new RuntimeException(new ConnectException("Connection refused")))));
        assertTrue(DatabaseFailures.unavailable(new org.hibernate.exception.JDBCConnectionException(
                "could not prepare statement", new SQLException("closed", "08003"))));
    }

    @Test
    void aCommitLostWithItsConnectionIsUnavailableAndSaidToBeUncertain() {
        // What Narayana throws when the resource's commit fails (seen in src/test/bench/failover.sh):
        // a RollbackException with no cause, the XAException suppressed on it.
        Exception commit = new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        commit.addSuppressed(xa);
        RuntimeException thrown = new RuntimeException("Error invoking subclass method", commit);
        assertTrue(DatabaseFailures.unavailable(thrown));
        assertTrue(DatabaseFailures.whileCommitting(thrown));

        // A flush that failed before the commit: the cause chain has it; nothing was saved.
        Exception beforeCommit = new jakarta.transaction.RollbackException("ARJUNA016053");
        beforeCommit.initCause(new org.hibernate.exception.JDBCConnectionException(
                "could not execute statement", new SQLException("I/O error", "08006")));
        beforeCommit.addSuppressed(xa);
        assertTrue(DatabaseFailures.unavailable(beforeCommit));
        assertFalse(DatabaseFailures.whileCommitting(beforeCommit));

        // A suppressed exception of another kind does not make a bug a database failure.
        Exception bug = new IllegalStateException("bug");
        bug.addSuppressed(new SQLException("duplicate key", "23505"));
        assertFalse(DatabaseFailures.unavailable(bug));
    }

    @Test
    void constraintViolationsAndOtherErrorsAreNot() {
        assertFalse(DatabaseFailures.unavailable(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseFailures.unavailable(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseFailures.unavailable(new SQLException("no state")));
        assertFalse(DatabaseFailures.unavailable(new NullPointerException()));
    }
}
