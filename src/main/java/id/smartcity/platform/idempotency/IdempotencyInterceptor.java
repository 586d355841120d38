package id.smartcity.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.platform.http.PreparedResponse;
import id.smartcity.platform.http.RequestPipeline;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import id.smartcity.platform.problem.ProblemType;
import id.smartcity.platform.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.POST;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * {@code Idempotency-Key} on POST (DESIGN §4): a retry of a request that succeeded gets the first
 * response again and changes nothing; a request that failed left no trace and runs again.
 *
 * <p>Why it is correct, also across instances and a {@code kill -9} of one:
 *
 * <ul>
 *   <li>The whole POST runs in <b>one</b> database transaction begun here, which the service's
 *       {@code @Transactional} methods join. The key's record (the response) is inserted in that
 *       transaction after the resource method returned, and the transaction commits before the
 *       response leaves. So a record exists exactly when the change was committed: an
 *       acknowledged write always has its key; a request that dies before the commit (crash,
 *       {@code kill -9}, lost connection) has neither, so its retry performs it exactly once.
 *   <li>Concurrency: the transaction first takes a transaction-level advisory lock named by
 *       caller and key ({@code pg_try_advisory_xact_lock}, without waiting). A second request with
 *       the key while the first runs, on any instance, fails to get it: 409. PostgreSQL releases
 *       the lock when the transaction ends, including when the holder's connection dies, so
 *       nothing is ever left "in flight" after a crash and no lease or timeout is needed. The
 *       record is looked up only under the lock, and committed before the lock is released, so a
 *       request that gets the lock always sees a finished first request's record.
 *   <li>Only 2xx responses are recorded. A 4xx or 5xx rolled the change back; nothing happened,
 *       so running the request again is safe and answers from the current state (a client may
 *       also correct a rejected body under the same key).
 * </ul>
 *
 * <p>Runs outside {@code @Transactional} (lower priority number), around resource methods of
 * classes marked {@link Idempotent}; acts on POST methods with a key only.
 */
@Idempotent
@Interceptor
@Priority(RequestPipeline.IDEMPOTENCY)
public class IdempotencyInterceptor {

    private static final Logger LOG = Logger.getLogger(IdempotencyInterceptor.class);

    @Inject
    IdempotentRequest request;

    @Inject
    SecurityIdentity identity;

    @Inject
    TransactionManager transactions;

    @Inject
    EntityManager em;

    @Inject
    IdempotencyStore store;

    @Inject
    ObjectMapper mapper;

    @AroundInvoke
    Object guard(InvocationContext invocation) throws Exception {
        if (!invocation.getMethod().isAnnotationPresent(POST.class) || request.key() == null) {
            return invocation.proceed();
        }
        Optional<String> caller = Caller.of(identity).key();
        if (caller.isEmpty()) {
            return invocation.proceed();
        }
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("An idempotent POST must run in a transaction of its own");
        }
        transactions.begin();
        try {
            IdempotencyStore.Claim claim = session().doReturningWork(c -> store.claim(c, caller.get(), request.key()));
            answerFromRecord(claim);
            Object result = invocation.proceed();
            StoredResponse response = StoredResponse.of(result, mapper);
            if (response != null) {
                session().doWork(c -> store.record(c, caller.get(), request, response));
            }
            transactions.commit();
            return result;
        } finally {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                rollback();
            }
        }
    }

    /** Throws the answer when the key is taken or recorded; returns when the request may run. */
    private void answerFromRecord(IdempotencyStore.Claim claim) {
        if (claim instanceof IdempotencyStore.InUse) {
            throw new ApiException(new Problem(
                            ProblemType.IDEMPOTENCY_KEY_IN_USE,
                            "A request with this Idempotency-Key is still being processed; retry in a moment to"
                                    + " get its response",
                            null))
                    .withHeader("Retry-After", "1");
        }
        if (claim instanceof IdempotencyStore.Recorded recorded) {
            if (!recorded.fingerprint().equals(request.fingerprint())) {
                throw new ApiException(new Problem(
                        ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used for another request (" + recorded.method() + " "
                                + recorded.path() + ", or another body); send a new key with a new request",
                        List.of(new Problem.FieldError(IdempotencyKeyFilter.HEADER, "was used for another request"))));
            }
            throw new PreparedResponse(recorded.response().replay());
        }
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    private void rollback() {
        try {
            transactions.rollback();
        } catch (Exception e) {
            LOG.warnf("Rolling back an idempotent request failed: %s", e.toString());
        }
    }
}
