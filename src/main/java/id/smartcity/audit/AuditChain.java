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
     *
     * <p>One statement locks the head, takes the next id and the time, hashes and inserts the event
     * and moves the head: the head stays locked until commit, and a round trip less under the lock
     * raises the ceiling of audited writes per second (all instances share it). The canonical form
     * is built here except for the id and the time, which only the locked head gives; PostgreSQL
     * puts them in and computes the SHA-256. The hash is then recomputed here from what was stored,
     * and a difference fails the transaction: a write is refused rather than the chain broken.
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
        String[] around = canonicalAroundIdAndTime(new AuditEvent(
                ID_MARK,
                TIME_MARK,
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
                null,
                null));
        long id;
        OffsetDateTime now;
        String previousHash;
        String hash;
        try (PreparedStatement append = c.prepareStatement(APPEND)) {
            append.setString(1, around[0]);
            append.setString(2, around[1]);
            append.setString(3, around[2]);
            append.setString(4, actorSubject);
            append.setString(5, actorUsername);
            append.setString(6, actorClientId);
            append.setString(7, regionCode);
            append.setString(8, entityType);
            append.setString(9, entityId);
            append.setString(10, action.name());
            append.setString(11, before == null ? null : CanonicalJson.write(before));
            append.setString(12, after == null ? null : CanonicalJson.write(after));
            append.setString(13, requestId);
            try (ResultSet rs = append.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("audit_chain_head is missing its row");
                }
                id = rs.getLong(1);
                now = rs.getObject(2, OffsetDateTime.class);
                previousHash = rs.getString(3);
                hash = rs.getString(4);
            }
        }
        AuditEvent event = new AuditEvent(
                id,
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
                previousHash,
                hash);
        if (!hash(previousHash, canonical(event)).equals(hash)) {
            throw new SQLException("the audit hash computed by the database differs from the canonical form;"
                    + " nothing was written");
        }
        return event;
    }

    /**
     * The PostgreSQL channel every append notifies, with the event's id and region as payload
     * ({@code 42 33.03}; {@code 42} for an event of no region). The {@code
     * NOTIFY} is part of the append statement, so it is queued in the writing transaction and
     * delivered when (and only if) that transaction commits: no extra row and no extra round trip
     * under the chain head's lock. Listeners (the change feed's long polls) learn that events up to
     * that id are committed.
     */
    public static final String APPENDED_CHANNEL = "smartcity_audit_appended";

    static final long ID_MARK = 8_646_911_284_551_352_321L;
    static final OffsetDateTime TIME_MARK = OffsetDateTime.parse("1901-02-03T04:05:06.070809Z");
    private static final String MARK = "\"id\":" + ID_MARK + ",\"occurredAt\":\"1901-02-03T04:05:06.070809Z\"";

    /**
     * The canonical text before the id, between the id and the time, and after the time. Members
     * are sorted, so the event's own {@code id} and {@code occurredAt} come after {@code after},
     * {@code before}, {@code entityId} and {@code entityType} and before two plain strings: the last
     * occurrence of the marked pair is theirs, whatever the snapshots hold.
     */
    static String[] canonicalAroundIdAndTime(AuditEvent marked) {
        String text = canonical(marked);
        int at = text.lastIndexOf(MARK);
        if (at < 0) {
            throw new IllegalStateException("the canonical form has no id and time in the expected place");
        }
        return new String[] {
            text.substring(0, at) + "\"id\":", ",\"occurredAt\":\"", "\"" + text.substring(at + MARK.length())
        };
    }

    /**
     * Parameters: the canonical text before the id, between id and time, after the time; then the
     * event's columns from actor_subject to request_id. The time is rendered as {@link
     * AuditEvent#TIME} renders it (UTC, six fractional digits, {@code Z}). The last column is the
     * {@code pg_notify} on {@link #APPENDED_CHANNEL} (a SELECT's function runs only when a column
     * uses it).
     */
    static final String APPEND = "WITH head AS (SELECT last_id + 1 AS id, last_hash, clock_timestamp() AS now"
            + " FROM audit_chain_head WHERE id = 1 FOR UPDATE),"
            + " event AS (SELECT id, now, last_hash, encode(sha256(convert_to(last_hash || ?::text || id || ?::text"
            + " || to_char(now AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') || ?::text, 'UTF8')), 'hex')"
            + " AS hash FROM head),"
            + " appended AS (INSERT INTO audit_event (" + COLUMNS + ")"
            + " SELECT event.id, event.now, ?, ?, ?, ?, ?, ?, ?, ?::text, ?::text, ?, event.last_hash, event.hash FROM event"
            + " RETURNING id, occurred_at, previous_hash, hash, region_code),"
            + " moved AS (UPDATE audit_chain_head SET last_id = appended.id, last_hash = appended.hash FROM appended"
            + " WHERE audit_chain_head.id = 1 RETURNING appended.id)"
            + " SELECT appended.id, appended.occurred_at, appended.previous_hash, appended.hash,"
            + " pg_notify('" + APPENDED_CHANNEL
            + "', appended.id::text || coalesce(' ' || appended.region_code, '')) IS NULL"
            + " FROM appended JOIN moved ON moved.id = appended.id";

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
