package id.smartcity.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.smartcity.common.RequestIds;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
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
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager em;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper mapper;

    /**
     * A creation: {@code after} is the whole new state. Top-level fields named in {@code personal}
     * are recorded as {@value #REDACTED} (or null), never with their value: auditors read the trail
     * but may not see personal data.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent created(String entityType, String entityId, String regionCode, Object state, String... personal) {
        return append(AuditAction.CREATE, entityType, entityId, regionCode, null, redact(normalise(state), personal));
    }

    /**
     * An update: records only the top-level fields that differ between the two states. Records
     * nothing and returns null when nothing changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent updated(
            String entityType, String entityId, String regionCode, Object before, Object after, String... personal) {
        return changed(AuditAction.UPDATE, entityType, entityId, regionCode, before, after, personal);
    }

    /**
     * Like {@link #updated}, under another action (e.g. {@code ARCHIVE} when the change archives
     * the record).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent changed(
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
            return null;
        }
        return append(
                action,
                entityType,
                entityId,
                regionCode,
                redact(changedBefore, personal),
                redact(changedAfter, personal));
    }

    /** Any other action, with whatever before and after the action needs (either may be null). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(
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

    private AuditEvent append(
            AuditAction action,
            String entityType,
            String entityId,
            String regionCode,
            JsonNode before,
            JsonNode after) {
        Session session = em.unwrap(Session.class);
        // The change itself goes to the database first, so the chain head is locked as briefly as possible.
        session.flush();
        JsonWebToken jwt = !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken t ? t : null;
        String subject = jwt != null
                ? jwt.getSubject()
                : identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
        String username = jwt != null ? claim(jwt, "preferred_username") : null;
        String clientId = jwt == null ? null : claim(jwt, "azp") != null ? claim(jwt, "azp") : claim(jwt, "client_id");
        String requestId = RequestIds.current();
        return session.doReturningWork(c -> AuditChain.append(
                c, subject, username, clientId, regionCode, entityType, entityId, action, before, after, requestId));
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        return value instanceof jakarta.json.JsonString s ? s.getString() : value == null ? null : value.toString();
    }

    private JsonNode normalise(Object state) {
        JsonNode node = state instanceof JsonNode n ? n.deepCopy() : mapper.valueToTree(state);
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
