package id.smartcity.changes.api;

import id.smartcity.changes.ChangeEvent;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.platform.security.RegionCodes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ChangeEvent",
        description = "One committed change, thin: what changed, how, and where to read it; no state and no"
                + " personal data")
public record ChangeEventResponse(
        @Schema(
                description = "The event's id, the same on every page and every delivery: de-duplicate on it",
                examples = "evt_42",
                pattern = "^evt_[0-9]+$",
                maxLength = 24)
        String id,

        @Schema(
                description = "What happened: the record's kind and a past-tense verb (the list is ChangeType in the"
                        + " code; a new kind of record adds values)",
                examples = "quick-win.transitioned",
                maxLength = 64,
                enumeration = {
                    "region.created",
                    "region.updated",
                    "stakeholder.created",
                    "stakeholder.updated",
                    "stakeholder.archived",
                    "stakeholder.deleted",
                    "fgd-session.created",
                    "fgd-session.updated",
                    "fgd-session.transitioned",
                    "fgd-participant.created",
                    "fgd-participant.updated",
                    "fgd-participant.deleted",
                    "fgd-minutes.created",
                    "fgd-minutes.updated",
                    "readiness-assessment.created",
                    "readiness-assessment.scored",
                    "readiness-assessment.transitioned",
                    "readiness-assessment.verified",
                    "framework-version.created",
                    "framework-version.updated",
                    "quick-win.created",
                    "quick-win.updated",
                    "quick-win.transitioned",
                    "milestone.created",
                    "milestone.updated",
                    "milestone.deleted",
                    "progress-report.created",
                    "kpi.created",
                    "kpi.updated",
                    "bimtek-stage.created",
                    "bimtek-stage.updated",
                    "bimtek-stage.transitioned",
                    "bimtek-stage.deleted",
                    "masterplan.created",
                    "masterplan.updated",
                    "masterplan.transitioned",
                    "masterplan.deleted",
                    "masterplan-program.created",
                    "masterplan-program.updated",
                    "masterplan-program.deleted",
                    "document.created",
                    "document.archived",
                    "document.deleted"
                })
        String type,

        @Schema(
                description = "Database time of the change, UTC, six fraction digits",
                examples = "2024-07-11T02:15:00.123456Z",
                format = "date-time",
                maxLength = 27)
        String occurredAt,

        @Schema(
                description = "The record's region; absent for reference data of no region (assessment framework"
                        + " versions)",
                examples = "33.03",
                pattern = RegionCodes.PATTERN,
                maxLength = 5)
        String regionCode,

        ChangeEntityRef entity,

        @Schema(description = "Version of this event's format", examples = "1", minimum = "1", maximum = "1")
        int version,

        @Schema(
                description = "The audit event recording this change (its position in the chain): auditors read it"
                        + " at /audit-events/{auditEventId}",
                examples = "42",
                minimum = "1",
                maximum = SchemaLimits.INT64_MAX)
        long auditEventId) {

    /** The format of the events; a change to it that breaks readers raises it. */
    public static final int FORMAT_VERSION = 1;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX");

    public static ChangeEventResponse of(ChangeEvent e) {
        return new ChangeEventResponse(
                e.id(),
                e.type(),
                TIME.format(e.occurredAt().withOffsetSameInstant(ZoneOffset.UTC)),
                e.regionCode(),
                new ChangeEntityRef(e.entityType(), e.entityId(), e.href()),
                FORMAT_VERSION,
                e.position());
    }
}
