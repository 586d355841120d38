package id.smartcity.document;

/**
 * ACTIVE when uploaded; ARCHIVED keeps the content and the record (no longer current); REMOVED is
 * an admin's removal of the content, with a reason: the record and its audit events stay.
 */
public enum DocumentStatus {
    ACTIVE,
    ARCHIVED,
    REMOVED
}
