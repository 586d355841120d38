package id.smartcity.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.smartcity.testsupport.Db;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL computes the hash of an appended event ({@link AuditChain#APPEND}); it must be the
 * SHA-256 of exactly the canonical form that the verifier recomputes in Java, whatever the event
 * holds.
 */
@QuarkusTest
class AuditChainHashTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void theDatabaseHashesTheCanonicalFormWhateverTheSnapshotsHold() throws Exception {
        ObjectNode after = F.objectNode();
        after.put("name", "Kab. Purbalingga — Ñusantara 東京 \"kutip\" \\ garis\nbaru\ttab \u0001 😀");
        // A nested pair shaped like the event's own id and time, placed before them.
        after.put("id", AuditChain.ID_MARK);
        after.put("occurredAt", AuditEvent.TIME.format(AuditChain.TIME_MARK));
        after.set("list", F.arrayNode().add(1).add(F.nullNode()).add(true).add("ü"));
        ObjectNode before = F.objectNode().put("name", "lama");
        try (Connection c = Db.connect()) {
            c.setAutoCommit(false);
            AuditEvent appended = AuditChain.append(
                    c,
                    "sub-ü",
                    "pengguna.ü",
                    "klien",
                    "33.03",
                    "TEST",
                    "hash-" + System.nanoTime(),
                    AuditAction.UPDATE,
                    before,
                    after,
                    "req-tokyo.1"); // what RequestIds lets through: the API never stores another request id
            c.commit();

            try (PreparedStatement s =
                    c.prepareStatement("SELECT " + AuditChain.COLUMNS + " FROM audit_event WHERE id = ?")) {
                s.setLong(1, appended.id());
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next());
                    AuditEvent stored = AuditChain.read(rs);
                    assertEquals(
                            AuditChain.hash(stored.previousHash(), AuditChain.canonical(stored)),
                            stored.hash(),
                            "the stored hash is the Java SHA-256 of the stored event's canonical form");
                    assertEquals(appended.hash(), stored.hash());
                    assertEquals(appended.occurredAtText(), stored.occurredAtText());
                    assertEquals(after, stored.after());
                }
            }
        }
    }

    @Test
    void theCanonicalTextIsSplitAtTheEventsOwnIdAndTime() {
        ObjectNode after = F.objectNode()
                .put("id", AuditChain.ID_MARK)
                .put("occurredAt", AuditEvent.TIME.format(AuditChain.TIME_MARK));
        assertEquals(
                "{\"id\":" + AuditChain.ID_MARK + ",\"occurredAt\":\"1901-02-03T04:05:06.070809Z\"}",
                CanonicalJson.write(after),
                "the snapshot holds exactly the marked pair");
        String[] around = AuditChain.canonicalAroundIdAndTime(
                event(AuditChain.ID_MARK, AuditChain.TIME_MARK, "33.03", after, "r"));
        AuditEvent real = event(42, OffsetDateTime.parse("2026-11-30T10:11:12.000001Z"), "33.03", after, "r");
        assertEquals(
                AuditChain.canonical(real),
                around[0] + 42 + around[1] + real.occurredAtText() + around[2],
                "the snapshot's look-alike pair stays as it is; the event's own pair is replaced");
        assertThrows(
                IllegalStateException.class,
                () -> AuditChain.canonicalAroundIdAndTime(
                        event(1, OffsetDateTime.parse("2026-11-30T10:11:12Z"), null, null, null)));
    }

    private static AuditEvent event(long id, OffsetDateTime at, String regionCode, ObjectNode after, String requestId) {
        return new AuditEvent(
                id, at, "s", "u", "c", regionCode, "TEST", "e", AuditAction.CREATE, null, after, requestId, null, null);
    }
}
