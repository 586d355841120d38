package id.smartcity.stakeholder;

/** A stakeholder's role in a dimension: at most one LEAD per dimension per region. */
public enum MembershipRole {
    LEAD,
    MEMBER
}
