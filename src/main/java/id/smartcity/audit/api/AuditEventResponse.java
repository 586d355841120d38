package id.smartcity.audit.api;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditEvent;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.platform.security.RegionCodes;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "AuditEvent",
        description =
                "One recorded change. hash = SHA-256(previousHash ‖ canonical form of this object without"
                        + " hash and previousHash; absent values as null); src/docs/audit-trail.md describes the canonical form.")
public record AuditEventResponse(
        @Schema(
                description = "Position in the chain, gapless",
                examples = "42",
                minimum = "1",
                maximum = SchemaLimits.INT64_MAX)
        long id,

        @Schema(
                description = "Database time of the append, UTC, six fraction digits",
                examples = "2024-07-11T02:15:00.123456Z",
                format = "date-time",
                maxLength = 27)
        String occurredAt,

        Actor actor,

        @Schema(examples = "33.03", pattern = RegionCodes.PATTERN, maxLength = 5)
        String regionCode,

        @Schema(examples = "REGION", pattern = "^[A-Z][A-Z0-9_]*$", maxLength = 64)
        String entityType,

        @Schema(examples = "33.03", maxLength = 100) String entityId,
        AuditAction action,

        @Schema(description = "The changed fields before the change; absent for a creation")
        JsonNode before,

        @Schema(description = "The changed fields after the change (the whole state for a creation)")
        JsonNode after,

        @Schema(examples = "4f9d3c1e-6a3b-4e0e-9a57-2b8f3f0c2d11", pattern = "^[A-Za-z0-9._:-]{1,64}$", maxLength = 64)
        String requestId,

        @Schema(
                description = "Hash of the previous event; 64 zeros for the first",
                examples = "0000000000000000000000000000000000000000000000000000000000000000",
                pattern = SchemaLimits.SHA256,
                maxLength = 64)
        String previousHash,

        @Schema(description = "SHA-256, lower-case hex", pattern = SchemaLimits.SHA256, maxLength = 64)
        String hash) {

    @Schema(name = "AuditActor", description = "Who made the change, from their access token")
    public record Actor(
            @Schema(description = "Token subject (sub)", maxLength = 255)
            String subject,

            @Schema(description = "preferred_username", maxLength = 255)
            String username,

            @Schema(description = "Client the token was issued to (azp)", maxLength = 255)
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
