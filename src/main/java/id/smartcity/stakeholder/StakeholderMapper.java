package id.smartcity.stakeholder;

import id.smartcity.stakeholder.api.MembershipEntry;
import id.smartcity.stakeholder.api.StakeholderRequest;
import id.smartcity.stakeholder.api.StakeholderResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;

@ApplicationScoped
public class StakeholderMapper {

    private static final Comparator<Stakeholder.Membership> BY_DIMENSION = Comparator.comparing(m -> m.dimension);

    /** @param personal whether the caller may see email and phone */
    public StakeholderResponse toResponse(Stakeholder s, boolean personal) {
        return new StakeholderResponse(
                s.id,
                s.regionCode,
                s.name,
                s.kind,
                s.organisation,
                s.position,
                personal ? s.email : null,
                personal ? s.phone : null,
                memberships(s),
                s.active,
                s.version,
                s.createdAt,
                s.updatedAt);
    }

    /** The writable state, which a merge patch is applied to and the audit trail records. */
    public StakeholderRequest toState(Stakeholder s) {
        return new StakeholderRequest(
                s.name, s.kind, s.organisation, s.position, s.email, s.phone, memberships(s), s.active);
    }

    /** Copies a validated state onto the entity; {@code phone} must already be normalised. */
    public void apply(StakeholderRequest r, String phone, Stakeholder s) {
        s.name = r.name().strip();
        s.kind = r.kind();
        s.organisation = blankToNull(r.organisation());
        s.position = blankToNull(r.position());
        s.email = blankToNull(r.email());
        s.phone = phone;
        if (r.active() != null) {
            s.active = r.active();
        }
        List<Stakeholder.Membership> wanted = (r.memberships() == null ? List.<MembershipEntry>of() : r.memberships())
                .stream()
                        .map(m -> new Stakeholder.Membership(m.dimension(), m.role(), s.regionCode))
                        .sorted(BY_DIMENSION)
                        .toList();
        if (!wanted.equals(s.memberships.stream().sorted(BY_DIMENSION).toList())) {
            s.memberships.clear();
            s.memberships.addAll(wanted);
        }
    }

    private static List<MembershipEntry> memberships(Stakeholder s) {
        return s.memberships.stream()
                .sorted(BY_DIMENSION)
                .map(m -> new MembershipEntry(m.dimension, m.role))
                .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
