package id.smartcity.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * The hash chain over plain JDBC, so that the same code appends from any instance (and from
 * tests that play a second instance). {@code hash = SHA-256(previousHash ‖ canonical(event))}
 * where {@code previousHash} is the 64 lower-case hex characters of the previous event's hash
 * ({@link #GENESIS} for the first) and both are taken as UTF-8 bytes.
 *
 * <p>The canonical form is the {@link CanonicalJson} serialisation of the object {@code {"action",
 * "actor": {"clientId", "subject", "username"}, "after", "before", "entityId", "entityType", "id",
 * "occurredAt", "regionCode", "requestId"}} — exactly the event as the API shows it, without
 * {@code hash} and {@code previousHash}; absent values are {@code null}.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    static final String COLUMNS = "id, occurred_at, actor_subject, actor_username, actor_client_id, region_code,"
            + " entity_type, entity_id, action, before_json, after_json, request_id, previous_hash, hash";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {}

    /**
     * Appends one event in the connection's current transaction. Locks the chain head until that
     * transaction ends, so concurrent appenders — in this instance or another — queue up and the
     * chain never forks or skips.
     */
    public static AuditEvent append(
            Connection c,
            String actorSubject,
            String actorUsername,
            String actorClientId,
            String regionCode,
            String entityType,
            String entityId,
            AuditAction action,
            JsonNode before,
            JsonNode after,
            String requestId)
            throws SQLException {
        long lastId;
        String lastHash;
        OffsetDateTime now;
        try (PreparedStatement head = c.prepareStatement(
                        "SELECT last_id, last_hash, clock_timestamp() FROM audit_chain_head WHERE id = 1 FOR UPDATE");
                ResultSet rs = head.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_chain_head is missing its row");
            }
            lastId = rs.getLong(1);
            lastHash = rs.getString(2);
            now = rs.getObject(3, OffsetDateTime.class);
        }
        AuditEvent unhashed = new AuditEvent(
                lastId + 1,
                now,
                actorSubject,
                actorUsername,
                actorClientId,
                regionCode,
                entityType,
                entityId,
                action,
                before,
                after,
                requestId,
                lastHash,
                null);
        String hash = hash(lastHash, canonical(unhashed));
        // One round trip for the row and the head: the head stays locked until commit, so every
        // statement saved here raises the ceiling of audited writes per second.
        try (PreparedStatement insert = c.prepareStatement("WITH appended AS (INSERT INTO audit_event (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, hash)"
                + " UPDATE audit_chain_head SET last_id = appended.id, last_hash = appended.hash FROM appended"
                + " WHERE audit_chain_head.id = 1")) {
            insert.setLong(1, unhashed.id());
            insert.setObject(2, now);
            insert.setString(3, actorSubject);
            insert.setString(4, actorUsername);
            insert.setString(5, actorClientId);
            insert.setString(6, regionCode);
            insert.setString(7, entityType);
            insert.setString(8, entityId);
            insert.setString(9, action.name());
            insert.setString(10, before == null ? null : CanonicalJson.write(before));
            insert.setString(11, after == null ? null : CanonicalJson.write(after));
            insert.setString(12, requestId);
            insert.setString(13, lastHash);
            insert.setString(14, hash);
            if (insert.executeUpdate() != 1) {
                throw new SQLException("audit_chain_head did not move");
            }
        }
        return new AuditEvent(
                unhashed.id(),
                now,
                actorSubject,
                actorUsername,
                actorClientId,
                regionCode,
                entityType,
                entityId,
                action,
                before,
                after,
                requestId,
                lastHash,
                hash);
    }

    /** Reads the row the result set is on (selected with {@link #COLUMNS}). */
    static AuditEvent read(ResultSet rs) throws SQLException {
        return new AuditEvent(
                rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                AuditAction.valueOf(rs.getString(9)),
                parse(rs.getString(10)),
                parse(rs.getString(11)),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14));
    }

    public static String canonical(AuditEvent e) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode actor = f.objectNode();
        actor.put("clientId", e.actorClientId());
        actor.put("subject", e.actorSubject());
        actor.put("username", e.actorUsername());
        ObjectNode o = f.objectNode();
        o.put("action", e.action().name());
        o.set("actor", actor);
        o.set("after", e.after() == null ? f.nullNode() : e.after());
        o.set("before", e.before() == null ? f.nullNode() : e.before());
        o.put("entityId", e.entityId());
        o.put("entityType", e.entityType());
        o.put("id", e.id());
        o.put("occurredAt", e.occurredAtText());
        o.put("regionCode", e.regionCode());
        o.put("requestId", e.requestId());
        return CanonicalJson.write(o);
    }

    public static String hash(String previousHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.UTF_8));
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static JsonNode parse(String json) throws SQLException {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new SQLException("audit_event holds JSON that does not parse", e);
        }
    }
}
