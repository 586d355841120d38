package id.smartcity.stakeholder;

import id.smartcity.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The one check behind every request field that names a stakeholder (a quick win's or a program's
 * lead and partners, a Bimtek stage's facilitators): each must be a stakeholder of the region the
 * request is for. One query answers for all the fields of a request, and the 422 never says
 * whether an id exists in another region.
 */
@ApplicationScoped
public class StakeholderReferences {

    public static final String NOT_IN_REGION = "no such stakeholder in this region";

    @Inject
    StakeholderRepository stakeholders;

    /** The fields of one request that name stakeholders, in the order their errors are listed. */
    public static final class Named {
        private final List<String> fields = new ArrayList<>();
        private final List<UUID> ids = new ArrayList<>();

        /** {@code field} names {@code id}; nothing when {@code id} is null (the field is optional). */
        public Named one(String field, UUID id) {
            if (id != null) {
                fields.add(field);
                ids.add(id);
            }
            return this;
        }

        /** {@code field[i]} names the i-th id; nothing for a null list. */
        public Named each(String field, List<UUID> list) {
            for (int i = 0; list != null && i < list.size(); i++) {
                one(field + "[" + i + "]", list.get(i));
            }
            return this;
        }
    }

    public static Named named() {
        return new Named();
    }

    /** A lead ({@code leadStakeholderId}) and partners ({@code partnerStakeholderIds}), both optional. */
    public static Named leadAndPartners(UUID lead, List<UUID> partners) {
        return named().one("leadStakeholderId", lead).each("partnerStakeholderIds", partners);
    }

    /** Adds a field error to {@code errors} for each named id that is not a stakeholder of the region. */
    public void check(String regionCode, Named named, List<Problem.FieldError> errors) {
        if (named.ids.isEmpty()) {
            return;
        }
        Set<UUID> found = new HashSet<>();
        stakeholders.inRegion(regionCode, new LinkedHashSet<>(named.ids)).forEach(s -> found.add(s.id));
        for (int i = 0; i < named.ids.size(); i++) {
            if (!found.contains(named.ids.get(i))) {
                errors.add(new Problem.FieldError(named.fields.get(i), NOT_IN_REGION));
            }
        }
    }
}
