package id.smartcity.audit.api;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "AuditEvent",
        description = "One recorded change. hash = SHA-256(previousHash ‖ canonical form of this object without"
                + " hash and previousHash); README.md describes the canonical form.")
public record AuditEventResponse(
        @Schema(description = "Position in the chain, gapless", examples = "42")
        long id,

        @Schema(
                description = "Database time of the append, UTC, six fraction digits",
                examples = "2024-07-11T02:15:00.123456Z")
        String occurredAt,

        Actor actor,
        @Schema(examples = "33.03") String regionCode,
        @Schema(examples = "REGION") String entityType,
        @Schema(examples = "33.03") String entityId,
        AuditAction action,

        @Schema(description = "The changed fields before the change; null for a creation")
        JsonNode before,

        @Schema(description = "The changed fields after the change (the whole state for a creation)")
        JsonNode after,

        @Schema(examples = "4f9d3c1e-6a3b-4e0e-9a57-2b8f3f0c2d11")
        String requestId,

        @Schema(
                description = "Hash of the previous event; 64 zeros for the first",
                examples = "0000000000000000000000000000000000000000000000000000000000000000")
        String previousHash,

        @Schema(description = "SHA-256, lower-case hex") String hash) {

    @Schema(name = "AuditActor", description = "Who made the change, from their access token")
    public record Actor(
            @Schema(description = "Token subject (sub)") String subject,
            @Schema(description = "preferred_username") String username,

            @Schema(description = "Client the token was issued to (azp)")
            String clientId) {}

    public static AuditEventResponse of(AuditEvent e) {
        return new AuditEventResponse(
                e.id(),
                e.occurredAtText(),
                new Actor(e.actorSubject(), e.actorUsername(), e.actorClientId()),
                e.regionCode(),
                e.entityType(),
                e.entityId(),
                e.action(),
                e.before(),
                e.after(),
                e.requestId(),
                e.previousHash(),
                e.hash());
    }
}
