package id.smartcity.platform.security;

/** The realm roles of the Keycloak realm {@code smartcity} (DESIGN §6). */
public final class Roles {

    /** Everything, in every region. */
    public static final String ADMIN = "admin";
    /** All writes in their regions, approvals, submissions. */
    public static final String COORDINATOR = "coordinator";
    /** Drafts in their regions. */
    public static final String CONTRIBUTOR = "contributor";
    /** Reads their regions. */
    public static final String VIEWER = "viewer";
    /** Reads their regions (all regions without a region claim), audit events and exports. */
    public static final String AUDITOR = "auditor";

    private Roles() {}
}
