package id.smartcity.common;

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
}
