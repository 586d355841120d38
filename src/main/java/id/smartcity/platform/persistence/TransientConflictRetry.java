package id.smartcity.platform.persistence;

import id.smartcity.platform.http.RequestPipeline;
import id.smartcity.platform.idempotency.IdempotencyInterceptor;
import id.smartcity.platform.idempotency.Idempotent;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Runs a write again when PostgreSQL rolled it back for a reason that is not the request's: a
 * deadlock ({@code 40P01}) or a serialization failure ({@code 40001}). The lock order (root row
 * first, the audit chain head last: {@code AuditTrail}) means a deadlock should not happen; should
 * one still, the client gets its answer instead of a 500. The failed attempt was rolled back
 * whole — its audit events and its {@code Idempotency-Key} record with it — so the retry performs
 * the write exactly once. After {@value #ATTEMPTS} attempts the failure goes on to {@code
 * ProblemMapper}, which answers 503 with {@code Retry-After}.
 *
 * <p>Outermost around the resource method (before {@link IdempotencyInterceptor} and any
 * {@code @Transactional}), so that each attempt is a transaction of its own.
 */
@Idempotent
@Interceptor
@Priority(RequestPipeline.TRANSIENT_RETRY)
public class TransientConflictRetry {

    static final int ATTEMPTS = 3;
    private static final Set<String> RETRYABLE = Set.of("40P01", "40001");
    private static final Logger LOG = Logger.getLogger(TransientConflictRetry.class);

    @Inject
    TransactionManager transactions;

    @AroundInvoke
    Object retry(InvocationContext invocation) throws Exception {
        if (!isWrite(invocation.getMethod()) || transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return invocation.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return invocation.proceed();
            } catch (Exception e) {
                String state = transientState(e);
                if (state == null || attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.infof(
                        "SQLState %s on %s, attempt %d of %d: running it again",
                        state, invocation.getMethod().getName(), attempt, ATTEMPTS);
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
            }
        }
    }

    private static boolean isWrite(Method m) {
        return m.isAnnotationPresent(POST.class)
                || m.isAnnotationPresent(PUT.class)
                || m.isAnnotationPresent(PATCH.class)
                || m.isAnnotationPresent(DELETE.class);
    }

    /** The SQLState of a deadlock or serialization failure anywhere in the causes; null otherwise. */
    public static String transientState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && RETRYABLE.contains(sql.getSQLState())) {
                return sql.getSQLState();
            }
            for (Throwable s : t.getSuppressed()) {
                String state = transientState(s);
                if (state != null) {
                    return state;
                }
            }
        }
        return null;
    }
}
