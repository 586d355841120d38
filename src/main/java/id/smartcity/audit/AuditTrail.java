package id.smartcity.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.smartcity.platform.http.RequestIds;
import id.smartcity.platform.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.Startup;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.Session;

/**
 * The one way every write path records what it changed, in the same transaction as the change:
 *
 * <pre>{@code
 * audit.created(Region.AUDIT_TYPE, region.code, region.code, mapper.toUpdate(region));
 * audit.updated(Region.AUDIT_TYPE, region.code, region.code, before, mapper.toUpdate(region));
 * audit.record(AuditAction.TRANSITION, "QUICK_WIN", id, regionCode, Map.of("status", "PROPOSED"), Map.of("status", "APPROVED"));
 * }</pre>
 *
 * <p>States are any objects Jackson can write (request/response records, maps); non-integral
 * numbers are recorded as strings of their exact decimal value. The actor comes from the
 * caller's token, the request id from the request.
 *
 * <p><b>Lock order.</b> The events are not written when a method here is called: they are kept
 * with the transaction and appended to the chain just before it commits, after everything else the
 * transaction changed has been flushed (DESIGN §7). So the chain head is always the last lock a
 * write transaction takes, whatever order the service code calls things in, and two writers can
 * never wait on each other in opposite order (a row held by one while it waits on the head, the
 * head held by the other while it waits on the row). Appends of one transaction keep their order.
 */
@ApplicationScoped
@Startup // its metrics exist from the start, at 0, so that rate() and the alerts see them
public class AuditTrail {

    @Inject
    EntityManager em;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper mapper;

    /**
     * The API's mapper, writing absent values as null: responses leave them out, but an audit
     * state records every field, so that a field cleared by a change shows as before/after.
     */
    private volatile ObjectMapper stateMapper;

    private ObjectMapper stateMapper() {
        ObjectMapper m = stateMapper;
        if (m == null) {
            m = mapper.copy().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS);
            stateMapper = m;
        }
        return m;
    }

    /**
     * A creation: {@code after} is the whole new state. Top-level fields named in {@code personal}
     * are recorded as {@value #REDACTED} (or null), never with their value: auditors read the trail
     * but may not see personal data.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean created(String entityType, String entityId, String regionCode, Object state, String... personal) {
        return append(AuditAction.CREATE, entityType, entityId, regionCode, null, redact(normalise(state), personal));
    }

    /**
     * An update: records only the top-level fields that differ between the two states. Records
     * nothing and returns false when nothing changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean updated(
            String entityType, String entityId, String regionCode, Object before, Object after, String... personal) {
        return changed(AuditAction.UPDATE, entityType, entityId, regionCode, before, after, personal);
    }

    /**
     * Like {@link #updated}, under another action (e.g. {@code ARCHIVE} when the change archives
     * the record).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean changed(
            AuditAction action,
            String entityType,
            String entityId,
            String regionCode,
            Object before,
            Object after,
            String... personal) {
        JsonNode b = normalise(before);
        JsonNode a = normalise(after);
        ObjectNode changedBefore = JsonNodeFactory.instance.objectNode();
        ObjectNode changedAfter = JsonNodeFactory.instance.objectNode();
        Set<String> names = new LinkedHashSet<>();
        b.fieldNames().forEachRemaining(names::add);
        a.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode was = b.path(name).isMissingNode() ? JsonNodeFactory.instance.nullNode() : b.get(name);
            JsonNode is = a.path(name).isMissingNode() ? JsonNodeFactory.instance.nullNode() : a.get(name);
            if (!Objects.equals(was, is)) {
                changedBefore.set(name, was);
                changedAfter.set(name, is);
            }
        }
        if (changedAfter.isEmpty()) {
            return false;
        }
        return append(
                action,
                entityType,
                entityId,
                regionCode,
                redact(changedBefore, personal),
                redact(changedAfter, personal));
    }

    /** A change of status with its reason: before {@code {status}}, after {@code {status, reason}}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean statusChanged(
            AuditAction action,
            String entityType,
            String entityId,
            String regionCode,
            Enum<?> from,
            Enum<?> to,
            String reason) {
        return record(
                action,
                entityType,
                entityId,
                regionCode,
                Map.of("status", from.name()),
                Map.of("status", to.name(), "reason", reason));
    }

    /** Any other action, with whatever before and after the action needs (either may be null). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(
            AuditAction action,
            String entityType,
            String entityId,
            String regionCode,
            Object before,
            Object after,
            String... personal) {
        return append(
                action,
                entityType,
                entityId,
                regionCode,
                before == null ? null : redact(normalise(before), personal),
                after == null ? null : redact(normalise(after), personal));
    }

    /** What the trail shows instead of a personal value. */
    public static final String REDACTED = "[personal data]";

    private static JsonNode redact(JsonNode node, String... personal) {
        if (node instanceof ObjectNode o) {
            for (String field : personal) {
                if (o.hasNonNull(field)) {
                    o.put(field, REDACTED);
                }
            }
        }
        return node;
    }

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Events appended to the chain by committed transactions ({@code smartcity_audit_appends_total}). */
    private Counter appends;

    @Inject
    MeterRegistry registry;

    @jakarta.annotation.PostConstruct
    void registerMetrics() {
        appends = Counter.builder("smartcity.audit.appends")
                .description("Audit events appended to the chain by committed transactions")
                .register(registry);
    }

    @Inject
    jakarta.transaction.TransactionManager transactionManager;

    @Inject
    javax.sql.DataSource dataSource;

    /** The {@value #SPAN} span around each transaction's appends (a no-op tracer when tracing is off). */
    @Inject
    Tracer tracer;

    static final String SPAN = "audit.append";

    /** Keeps the event with the transaction; {@link PendingEvents} appends it before commit. */
    private boolean append(
            AuditAction action,
            String entityType,
            String entityId,
            String regionCode,
            JsonNode before,
            JsonNode after) {
        Caller caller = Caller.of(identity);
        pending()
                .events
                .add(new Pending(
                        caller.subject(),
                        caller.username(),
                        caller.clientId(),
                        regionCode,
                        entityType,
                        entityId,
                        action,
                        before,
                        after,
                        RequestIds.current()));
        return true;
    }

    private PendingEvents pending() {
        PendingEvents pending = (PendingEvents) transactions.getResource(PendingEvents.class);
        if (pending == null) {
            pending = new PendingEvents(em.unwrap(Session.class), dataSource, appends, tracer);
            transactions.putResource(PendingEvents.class, pending);
            // A plain (not interposed) synchronization: the transaction manager calls those first,
            // before Hibernate's own, which releases the session's connection before completion.
            try {
                transactionManager.getTransaction().registerSynchronization(pending);
            } catch (jakarta.transaction.RollbackException | jakarta.transaction.SystemException e) {
                throw new IllegalStateException("The transaction cannot take the audit events", e);
            }
        }
        return pending;
    }

    /** An event recorded by the service code, not yet on the chain. */
    private record Pending(
            String subject,
            String username,
            String clientId,
            String regionCode,
            String entityType,
            String entityId,
            AuditAction action,
            JsonNode before,
            JsonNode after,
            String requestId) {}

    /**
     * The events of one transaction. Before completion it flushes the session (the entity changes
     * take their row locks now, if they had not yet) and only then appends the events, which locks
     * the chain head until the commit: the head is the transaction's last lock.
     */
    static final class PendingEvents implements Synchronization {

        private final Session session;
        private final javax.sql.DataSource dataSource;
        private final Counter appends;
        private final Tracer tracer;
        final List<Pending> events = new ArrayList<>();
        private int appended;

        PendingEvents(Session session, javax.sql.DataSource dataSource, Counter appends, Tracer tracer) {
            this.session = session;
            this.dataSource = dataSource;
            this.appends = appends;
            this.tracer = tracer;
        }

        @Override
        public void beforeCompletion() {
            if (events.isEmpty() || !session.isOpen()) {
                return;
            }
            session.flush();
            // The span holds the chain's statements (head lock, inserts), not the flush before them.
            // Its attributes are counts only: never an entity id, a state or a caller.
            Span span = tracer.spanBuilder(SPAN)
                    .setAttribute("smartcity.audit.events", events.size())
                    .startSpan();
            try (Scope ignored = span.makeCurrent()) {
                // The pool hands out the connection enlisted in this transaction (the one the session
                // used): the events commit or roll back with the change. Taken from the pool and not
                // through the session, which may already have released its connection at this point.
                try (java.sql.Connection c = dataSource.getConnection()) {
                    for (Pending e : events) {
                        appendOne(c, e);
                        appended++;
                    }
                } catch (SQLException e) {
                    span.setStatus(StatusCode.ERROR, "appending the audit events failed");
                    throw new IllegalStateException("Appending the audit events failed", e);
                } catch (RuntimeException e) {
                    span.setStatus(StatusCode.ERROR, "appending the audit events failed");
                    throw e;
                }
            } finally {
                span.end();
            }
            events.clear();
        }

        private static void appendOne(java.sql.Connection c, Pending e) throws SQLException {
            AuditChain.append(
                    c,
                    e.subject(),
                    e.username(),
                    e.clientId(),
                    e.regionCode(),
                    e.entityType(),
                    e.entityId(),
                    e.action(),
                    e.before(),
                    e.after(),
                    e.requestId());
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                events.clear();
            } else if (appended > 0 && appends != null) {
                appends.increment(appended);
            }
        }
    }

    private JsonNode normalise(Object state) {
        JsonNode node =
                state instanceof JsonNode n ? n.deepCopy() : stateMapper().valueToTree(state);
        if (!node.isObject()) {
            ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
            wrapper.set("value", node);
            node = wrapper;
        }
        return decimalsAsStrings(node);
    }

    private static JsonNode decimalsAsStrings(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                f.setValue(decimalsAsStrings(f.getValue()));
            }
            return o;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, decimalsAsStrings(node.get(i)));
            }
            return node;
        }
        if (node.isNumber() && !node.isIntegralNumber()) {
            return JsonNodeFactory.instance.textNode(node.decimalValue().toPlainString());
        }
        return node;
    }
}
