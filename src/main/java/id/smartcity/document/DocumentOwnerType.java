package id.smartcity.document;

import java.util.UUID;

/**
 * What a document belongs to: a record of the same region, looked up in its table (this feature
 * reads those tables in SQL and imports none of their classes, so no feature depends back on it).
 */
public enum DocumentOwnerType {
    FGD_SESSION("fgd_session", "fgd-sessions"),
    BIMTEK_STAGE("bimtek_stage", "bimtek-stages"),
    /** With {@code indicatorCode}: the evidence of one indicator's score. */
    READINESS_ASSESSMENT("readiness_assessment", "readiness-assessments"),
    QUICK_WIN("quick_win", "quick-wins"),
    /** Its quick win's region is the report's. */
    PROGRESS_REPORT("progress_report", null),
    MASTERPLAN("masterplan", "masterplans");

    /** The owner's table (every one has {@code id}; all but progress_report have {@code region_code}). */
    final String table;
    /** The owner's collection under {@code /regions/{regionCode}}, where it has its own path. */
    final String collection;

    DocumentOwnerType(String table, String collection) {
        this.table = table;
        this.collection = collection;
    }

    /** The list of the documents of one owner of this type: what an owner's {@code documentsHref} links to. */
    public String documentsHref(String regionCode, UUID ownerId) {
        return DocumentMapper.API + "/regions/" + regionCode + "/documents?ownerType=" + name() + "&ownerId=" + ownerId;
    }
}
