package id.smartcity.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who may see personal data (a stakeholder's email and phone): admin, coordinator and
 * contributor. For everybody else the fields are left out of JSON and CSV, not blanked.
 */
@RequestScoped
public class PersonalData {

    @Inject
    SecurityIdentity identity;

    public boolean visible() {
        return identity.hasRole(Roles.ADMIN)
                || identity.hasRole(Roles.COORDINATOR)
                || identity.hasRole(Roles.CONTRIBUTOR);
    }

    /**
     * The entity tag of a record with personal fields, as this caller gets it: the version for a
     * caller who sees them; for one who does not, another tag (a digest of the version and the
     * view, hex like every tag of the API) — two representations, two tags, so that no cache or
     * {@code If-None-Match} confuses them.
     */
    public String tag(long version) {
        if (visible()) {
            return Long.toString(version);
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("without-personal-data:" + version).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
