package id.smartcity.stakeholder;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditTrail;
import id.smartcity.platform.http.MergePatch;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Paging;
import id.smartcity.platform.persistence.RegionScopedEntity;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import id.smartcity.platform.problem.ProblemType;
import id.smartcity.platform.security.Roles;
import id.smartcity.region.RegionRepository;
import id.smartcity.stakeholder.api.MembershipEntry;
import id.smartcity.stakeholder.api.StakeholderRequest;
import id.smartcity.stakeholder.api.StakeholderResponse;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class StakeholderService {

    /** Recorded in the audit trail as "[personal data]", never with their values. */
    static final String[] PERSONAL = {"email", "phone"};

    @Inject
    StakeholderRepository stakeholders;

    @Inject
    RegionRepository regions;

    @Inject
    StakeholderMapper mapper;

    @Inject
    MergePatch mergePatch;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    /** One page of the region's stakeholders that match the filter. */
    public Page<StakeholderResponse> list(
            String regionCode, StakeholderFilter filter, PageRequest page, boolean personal) {
        return Paging.page(
                stakeholders.search(regionCode, filter, page.sort()), page, s -> mapper.toResponse(s, personal));
    }

    /** At most {@code rows} of the region's stakeholders that match the filter, from the page's offset on. */
    public List<StakeholderResponse> export(
            String regionCode, StakeholderFilter filter, PageRequest page, int rows, boolean personal) {
        return stakeholders
                .search(regionCode, filter, page.sort())
                .range(page.offset(), page.offset() + rows - 1)
                .list()
                .stream()
                .map(s -> mapper.toResponse(s, personal))
                .toList();
    }

    @Transactional
    public Stakeholder create(String regionCode, StakeholderRequest request) {
        regions.visible(regionCode);
        String phone = checked(request);
        if (Boolean.FALSE.equals(request.active())) {
            requireArchiver();
        }
        Stakeholder s = RegionScopedEntity.newIn(regionCode, Stakeholder::new);
        checkSingleLead(regionCode, s.id, request);
        mapper.apply(request, phone, s);
        stakeholders.persist(s);
        audit.created(Stakeholder.AUDIT_TYPE, s.id.toString(), regionCode, mapper.toState(s), PERSONAL);
        return s;
    }

    /** Full update (PUT): every field as given; {@code active} kept when left out. */
    @Transactional
    public Stakeholder replace(String regionCode, UUID id, String ifMatch, StakeholderRequest request) {
        Stakeholder s = stakeholders.locked(regionCode, id, ifMatch);
        return update(s, request);
    }

    /** Partial update: a JSON Merge Patch of the writable state. */
    @Transactional
    public Stakeholder patch(String regionCode, UUID id, String ifMatch, JsonNode patch) {
        Stakeholder s = stakeholders.locked(regionCode, id, ifMatch);
        return update(s, mergePatch.apply(mapper.toState(s), patch, StakeholderRequest.class));
    }

    /**
     * Deletes a stakeholder nothing refers to. One that a session or a quick win refers to is
     * archived instead (active = false): 409 says so.
     */
    @Transactional
    public void delete(String regionCode, UUID id, String ifMatch) {
        Stakeholder s = stakeholders.locked(regionCode, id, ifMatch);
        if (stakeholders.isReferenced(id)) {
            throw ApiException.conflict("Stakeholder " + id + " is referenced by FGD sessions or quick wins and cannot"
                    + " be deleted; archive it instead by setting active to false");
        }
        StakeholderRequest before = mapper.toState(s);
        stakeholders.delete(s);
        audit.record(AuditAction.DELETE, Stakeholder.AUDIT_TYPE, id.toString(), regionCode, before, null, PERSONAL);
    }

    private Stakeholder update(Stakeholder s, StakeholderRequest request) {
        String phone = checked(request);
        boolean archiving = s.active && Boolean.FALSE.equals(request.active());
        if (request.active() != null && request.active() != s.active) {
            requireArchiver();
        }
        StakeholderRequest before = mapper.toState(s);
        // Before the entity changes: the lookup must not flush a second lead into the database.
        checkSingleLead(s.regionCode, s.id, request);
        mapper.apply(request, phone, s);
        audit.changed(
                archiving ? AuditAction.ARCHIVE : AuditAction.UPDATE,
                Stakeholder.AUDIT_TYPE,
                s.id.toString(),
                s.regionCode,
                before,
                mapper.toState(s),
                PERSONAL);
        stakeholders.flush();
        return s;
    }

    Stakeholder find(String regionCode, UUID id) {
        return stakeholders.found(regionCode, id);
    }

    /** Validates what bean validation cannot; returns the normalised phone. */
    private static String checked(StakeholderRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String phone = null;
        if (r.phone() != null && !r.phone().isBlank()) {
            phone = PhoneNumbers.normalise(r.phone()).orElse(null);
            if (phone == null) {
                errors.add(new Problem.FieldError(
                        "phone", "must be an Indonesian phone number, e.g. 0812-3456-7890 or (0281) 891234"));
            }
        }
        if (r.memberships() != null) {
            Set<Object> seen = new HashSet<>();
            for (int i = 0; i < r.memberships().size(); i++) {
                MembershipEntry m = r.memberships().get(i);
                if (!seen.add(m.dimension())) {
                    errors.add(new Problem.FieldError(
                            "memberships[" + i + "].dimension", "is listed more than once: " + m.dimension()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return phone;
    }

    /** At most one LEAD per dimension per region; 409 names the current lead. */
    private void checkSingleLead(String regionCode, UUID id, StakeholderRequest request) {
        if (request.memberships() == null) {
            return;
        }
        for (MembershipEntry m : request.memberships()) {
            if (m.role() != MembershipRole.LEAD) {
                continue;
            }
            stakeholders.currentLead(regionCode, m.dimension(), id).ifPresent(lead -> {
                throw new ApiException(new Problem(
                                ProblemType.CONFLICT,
                                m.dimension() + " already has a lead in region " + regionCode + ": " + lead.name
                                        + " (" + lead.id + (lead.active ? "" : ", archived")
                                        + "); make it a MEMBER first",
                                null)
                        .with("currentLead", lead.id));
            });
        }
    }

    private void requireArchiver() {
        if (!identity.hasRole(Roles.COORDINATOR) && !identity.hasRole(Roles.ADMIN)) {
            throw ApiException.of(
                    ProblemType.FORBIDDEN, "Only coordinators and admins archive or restore stakeholders");
        }
    }
}
