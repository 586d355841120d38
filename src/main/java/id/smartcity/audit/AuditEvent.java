package id.smartcity.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One recorded change, as stored and as hashed. {@code id} is its position in the chain; {@code
 * before} and {@code after} hold the changed fields only (the whole state for a creation).
 */
public record AuditEvent(
        long id,
        OffsetDateTime occurredAt,
        String actorSubject,
        String actorUsername,
        String actorClientId,
        String regionCode,
        String entityType,
        String entityId,
        AuditAction action,
        JsonNode before,
        JsonNode after,
        String requestId,
        String previousHash,
        String hash) {

    /** Always six fraction digits and {@code Z}: the exact text that is hashed and shown. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX");

    public String occurredAtText() {
        return TIME.format(occurredAt.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
