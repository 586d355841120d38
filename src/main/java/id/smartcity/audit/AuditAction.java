package id.smartcity.audit;

/** What happened to the entity. */
public enum AuditAction {
    CREATE,
    UPDATE,
    ARCHIVE,
    DELETE,
    TRANSITION,
    SCORE,
    VERIFY
}
