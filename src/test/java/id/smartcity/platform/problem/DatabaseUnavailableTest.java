package id.smartcity.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures are "the database is not there" (503, retry) rather than a bug (500) or a conflict. */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresShutdownsAndAnEmptyPoolAreUnavailable() {
        assertTrue(ProblemMapper.databaseUnavailable(new SQLException("I/O error", "08006")));
        assertTrue(ProblemMapper.databaseUnavailable(new SQLException("terminating connection", "57P01")));
        assertTrue(ProblemMapper.databaseUnavailable(new SQLException("the database system is starting up", "57P03")));
        assertTrue(ProblemMapper.databaseUnavailable(new SQLException("too many clients", "53300")));
        assertTrue(ProblemMapper.databaseUnavailable(
                new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(ProblemMapper.databaseUnavailable(new IllegalStateException(
                "wrapped", new RuntimeException(new ConnectException("Connection refused")))));
        assertTrue(ProblemMapper.databaseUnavailable(new org.hibernate.exception.JDBCConnectionException(
                "could not prepare statement", new SQLException("closed", "08003"))));
    }

    @Test
    void constraintViolationsAndOtherErrorsAreNot() {
        assertFalse(ProblemMapper.databaseUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(ProblemMapper.databaseUnavailable(new SQLException("syntax error", "42601")));
        assertFalse(ProblemMapper.databaseUnavailable(new SQLException("no state")));
        assertFalse(ProblemMapper.databaseUnavailable(new NullPointerException()));
    }
}
