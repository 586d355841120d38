package id.smartcity.platform.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Which failures are the database's (answered 503 with Retry-After by {@link ProblemMapper}) rather
 * than the request's or a bug's, and whether one struck before the commit (nothing was saved) or
 * during it (the change may have been saved: a failover).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    /**
     * Whether {@code e} says the database could not be reached rather than that the request was
     * wrong: a connection failure (SQLState class 08), the server shutting down or starting
     * (57P01–57P03), too many connections (53300), or a pool that could not get a connection —
     * among its causes, or among the exceptions suppressed on the way: the transaction manager
     * attaches a failed commit that way (Narayana's ARJUNA016053 {@code RollbackException} carries
     * the resource's {@code XAException} as a suppressed exception, not as its cause).
     */
    public static boolean unavailable(Throwable e) {
        return connectionFailure(e, true);
    }

    /**
     * Whether the failure was the database's while committing: found only among the suppressed
     * exceptions of the commit, not in the chain of causes that a failure before it leaves.
     */
    public static boolean whileCommitting(Throwable e) {
        return unavailable(e) && !connectionFailure(e, false);
    }

    private static boolean connectionFailure(Throwable e, boolean suppressedToo) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        todo.add(e);
        while (!todo.isEmpty() && seen.size() < 50) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (isConnectionFailure(t)) {
                return true;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (suppressedToo) {
                todo.addAll(List.of(t.getSuppressed()));
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof ConnectException
                || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null
                    && (state.startsWith("08")
                            || state.equals("57P01")
                            || state.equals("57P02")
                            || state.equals("57P03")
                            || state.equals("53300"))) {
                return true;
            }
            String message = sql.getMessage();
            return state == null && message != null && message.startsWith("Acquisition timeout");
        }
        return false;
    }
}
