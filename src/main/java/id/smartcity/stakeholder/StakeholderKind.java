package id.smartcity.stakeholder;

/** What kind of party a stakeholder is. */
public enum StakeholderKind {
    /** A regional government agency (OPD). */
    GOVERNMENT_AGENCY,
    ACADEMIA,
    ICT_COMMUNITY,
    BUSINESS,
    COMMUNITY,
    MEDIA
}
