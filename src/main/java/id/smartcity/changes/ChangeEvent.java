package id.smartcity.changes;

import java.time.OffsetDateTime;

/**
 * One committed change as the feed shows it: no state, only what was changed, how, and where to
 * read it. {@code position} is the audit event's id, its place in the chain.
 */
public record ChangeEvent(
        long position,
        OffsetDateTime occurredAt,
        String regionCode,
        String auditEntityType,
        String entityId,
        String type,
        String entityType,
        String href) {

    /** The event's id: the same wherever and however often it is delivered. */
    public String id() {
        return "evt_" + position;
    }
}
