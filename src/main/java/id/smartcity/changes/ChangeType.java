package id.smartcity.changes;

import id.smartcity.audit.AuditAction;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every type of change event: an audited entity ({@link ChangeEntity}) and an audit action as a
 * past-tense verb, {@code quick-win.transitioned}. The one list of them; the contract lists the same
 * values as the enum of {@code ChangeEvent.type} ({@code ChangeTypeContractTest} keeps them in step).
 */
public enum ChangeType {
    REGION_CREATED(ChangeEntity.REGION, AuditAction.CREATE),
    REGION_UPDATED(ChangeEntity.REGION, AuditAction.UPDATE),
    STAKEHOLDER_CREATED(ChangeEntity.STAKEHOLDER, AuditAction.CREATE),
    STAKEHOLDER_UPDATED(ChangeEntity.STAKEHOLDER, AuditAction.UPDATE),
    STAKEHOLDER_ARCHIVED(ChangeEntity.STAKEHOLDER, AuditAction.ARCHIVE),
    STAKEHOLDER_DELETED(ChangeEntity.STAKEHOLDER, AuditAction.DELETE),
    FGD_SESSION_CREATED(ChangeEntity.FGD_SESSION, AuditAction.CREATE),
    FGD_SESSION_UPDATED(ChangeEntity.FGD_SESSION, AuditAction.UPDATE),
    FGD_SESSION_TRANSITIONED(ChangeEntity.FGD_SESSION, AuditAction.TRANSITION),
    FGD_PARTICIPANT_CREATED(ChangeEntity.FGD_PARTICIPANT, AuditAction.CREATE),
    FGD_PARTICIPANT_UPDATED(ChangeEntity.FGD_PARTICIPANT, AuditAction.UPDATE),
    FGD_PARTICIPANT_DELETED(ChangeEntity.FGD_PARTICIPANT, AuditAction.DELETE),
    FGD_MINUTES_CREATED(ChangeEntity.FGD_MINUTES, AuditAction.CREATE),
    FGD_MINUTES_UPDATED(ChangeEntity.FGD_MINUTES, AuditAction.UPDATE),
    READINESS_ASSESSMENT_CREATED(ChangeEntity.READINESS_ASSESSMENT, AuditAction.CREATE),
    READINESS_ASSESSMENT_SCORED(ChangeEntity.READINESS_ASSESSMENT, AuditAction.SCORE),
    READINESS_ASSESSMENT_TRANSITIONED(ChangeEntity.READINESS_ASSESSMENT, AuditAction.TRANSITION),
    READINESS_ASSESSMENT_VERIFIED(ChangeEntity.READINESS_ASSESSMENT, AuditAction.VERIFY),
    FRAMEWORK_VERSION_CREATED(ChangeEntity.FRAMEWORK_VERSION, AuditAction.CREATE),
    FRAMEWORK_VERSION_UPDATED(ChangeEntity.FRAMEWORK_VERSION, AuditAction.UPDATE),
    QUICK_WIN_CREATED(ChangeEntity.QUICK_WIN, AuditAction.CREATE),
    QUICK_WIN_UPDATED(ChangeEntity.QUICK_WIN, AuditAction.UPDATE),
    QUICK_WIN_TRANSITIONED(ChangeEntity.QUICK_WIN, AuditAction.TRANSITION),
    MILESTONE_CREATED(ChangeEntity.MILESTONE, AuditAction.CREATE),
    MILESTONE_UPDATED(ChangeEntity.MILESTONE, AuditAction.UPDATE),
    MILESTONE_DELETED(ChangeEntity.MILESTONE, AuditAction.DELETE),
    PROGRESS_REPORT_CREATED(ChangeEntity.PROGRESS_REPORT, AuditAction.CREATE),
    KPI_CREATED(ChangeEntity.KPI, AuditAction.CREATE),
    KPI_UPDATED(ChangeEntity.KPI, AuditAction.UPDATE),
    BIMTEK_STAGE_CREATED(ChangeEntity.BIMTEK_STAGE, AuditAction.CREATE),
    BIMTEK_STAGE_UPDATED(ChangeEntity.BIMTEK_STAGE, AuditAction.UPDATE),
    BIMTEK_STAGE_TRANSITIONED(ChangeEntity.BIMTEK_STAGE, AuditAction.TRANSITION),
    BIMTEK_STAGE_DELETED(ChangeEntity.BIMTEK_STAGE, AuditAction.DELETE),
    MASTERPLAN_CREATED(ChangeEntity.MASTERPLAN, AuditAction.CREATE),
    MASTERPLAN_UPDATED(ChangeEntity.MASTERPLAN, AuditAction.UPDATE),
    MASTERPLAN_TRANSITIONED(ChangeEntity.MASTERPLAN, AuditAction.TRANSITION),
    MASTERPLAN_DELETED(ChangeEntity.MASTERPLAN, AuditAction.DELETE),
    MASTERPLAN_PROGRAM_CREATED(ChangeEntity.MASTERPLAN_PROGRAM, AuditAction.CREATE),
    MASTERPLAN_PROGRAM_UPDATED(ChangeEntity.MASTERPLAN_PROGRAM, AuditAction.UPDATE),
    MASTERPLAN_PROGRAM_DELETED(ChangeEntity.MASTERPLAN_PROGRAM, AuditAction.DELETE),
    DOCUMENT_CREATED(ChangeEntity.DOCUMENT, AuditAction.CREATE),
    DOCUMENT_ARCHIVED(ChangeEntity.DOCUMENT, AuditAction.ARCHIVE),
    DOCUMENT_DELETED(ChangeEntity.DOCUMENT, AuditAction.DELETE);

    private static final Map<String, ChangeType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.wireName, t -> t));

    public final ChangeEntity entity;
    public final AuditAction action;
    /** {@code quick-win.transitioned}. */
    public final String wireName;

    ChangeType(ChangeEntity entity, AuditAction action) {
        this.entity = entity;
        this.action = action;
        this.wireName = name(entity.wireName, action);
    }

    public static Optional<ChangeType> ofWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    /**
     * The event type of an audit event: its entity's name and its action's verb. An entity type or
     * action that a newer feature records before this list knows it is named by the same rule.
     */
    public static String of(String auditEntityType, AuditAction action) {
        String entity = ChangeEntity.ofAuditType(auditEntityType)
                .map(e -> e.wireName)
                .orElseGet(() -> ChangeEntity.kebab(auditEntityType));
        return name(entity, action);
    }

    private static String name(String entity, AuditAction action) {
        return entity + "." + verb(action);
    }

    /** The past-tense verb of an audit action (a switch, not a map: enum constants are built first). */
    static String verb(AuditAction action) {
        return switch (action) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case ARCHIVE -> "archived";
            case DELETE -> "deleted";
            case TRANSITION -> "transitioned";
            case SCORE -> "scored";
            case VERIFY -> "verified";
        };
    }
}
