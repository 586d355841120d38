package id.smartcity.masterplan;

/** The filters of the masterplan list; null means any. */
public record MasterplanFilter(MasterplanStatus status) {}
