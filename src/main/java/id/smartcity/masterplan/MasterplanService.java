package id.smartcity.masterplan;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditTrail;
import id.smartcity.masterplan.api.MasterplanRequest;
import id.smartcity.masterplan.api.MasterplanTransitionRequest;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.MergePatch;
import id.smartcity.platform.persistence.RegionScopedEntity;
import id.smartcity.platform.persistence.TimestampedEntity;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import id.smartcity.region.RegionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Masterplan versions: creation (optionally as a copy of another version, programs included),
 * changes of a DRAFT, deletion of a DRAFT, and the workflow of {@link MasterplanStatus}. Enacting a
 * version marks the region's previously ENACTED one SUPERSEDED in the same transaction. Several
 * DRAFT and IN_REVIEW versions may exist side by side; only one is ENACTED.
 */
@ApplicationScoped
public class MasterplanService {

    @Inject
    MasterplanRepository masterplans;

    @Inject
    RegionRepository regions;

    @Inject
    MasterplanMapper mapper;

    @Inject
    ProgramRules rules;

    @Inject
    MergePatch mergePatch;

    @Inject
    AuditTrail audit;

    @Transactional
    public Masterplan create(String regionCode, MasterplanRequest request) {
        // The region row first: version numbers and enactments of a region are assigned one at a time.
        regions.lockedVisible(regionCode).orElseThrow(() -> ApiException.notFound("Region " + regionCode));
        Masterplan source = null;
        if (request.copyOf() != null) {
            source = masterplans
                    .findInRegion(regionCode, request.copyOf())
                    .orElseThrow(() -> ApiException.unprocessable(
                            List.of(new Problem.FieldError("copyOf", "no such masterplan version in this region"))));
        }
        MasterplanRequest r = source == null ? request : overlay(mapper.toState(source), request);
        List<Problem.FieldError> missing = new ArrayList<>();
        if (r.title() == null || r.title().isBlank()) {
            missing.add(new Problem.FieldError("title", "is required without copyOf"));
        }
        if (r.startYear() == null) {
            missing.add(new Problem.FieldError("startYear", "is required without copyOf"));
        }
        if (!missing.isEmpty()) {
            throw ApiException.invalid(missing);
        }
        Masterplan m = RegionScopedEntity.newIn(regionCode, Masterplan::new);
        m.number = masterplans.nextNumber(regionCode);
        m.copiedFromId = source == null ? null : source.id;
        mapper.apply(r, m);
        List<Program> copies = new ArrayList<>();
        if (source != null) {
            for (Program p : masterplans.allPrograms(source)) {
                copies.add(mapper.copy(p, m.id));
            }
            rules.checkPeriod(m, copies, "startYear");
        }
        masterplans.persist(m);
        masterplans.flush();
        for (Program p : copies) {
            p.persist();
        }
        Map<String, Object> state = state(m);
        state.put("copyOf", m.copiedFromId);
        state.put("programCount", copies.size());
        audit.created(Masterplan.AUDIT_TYPE, m.id.toString(), regionCode, state);
        masterplans.flush();
        return m;
    }

    @Transactional
    public Masterplan patch(String regionCode, UUID id, String ifMatch, JsonNode patch) {
        Masterplan m = editable(regionCode, id);
        ETags.checkIfMatch(ifMatch, m.version);
        MasterplanRequest before = mapper.toState(m);
        MasterplanRequest merged = mergePatch.apply(before, patch, MasterplanRequest.class);
        // A removed list is an empty one.
        MasterplanRequest r = new MasterplanRequest(
                merged.title(),
                merged.vision(),
                merged.mission() == null ? List.of() : merged.mission(),
                merged.startYear(),
                merged.goals() == null ? List.of() : merged.goals(),
                merged.copyOf());
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.copyOf() != null) {
            errors.add(new Problem.FieldError("copyOf", "is only for creating a version"));
        }
        if (r.title() == null || r.title().isBlank()) {
            errors.add(new Problem.FieldError("title", "must not be blank"));
        }
        if (r.startYear() == null) {
            errors.add(new Problem.FieldError("startYear", "must not be null"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        mapper.apply(r, m);
        rules.checkPeriod(m, masterplans.allPrograms(m), "startYear");
        audit.updated(Masterplan.AUDIT_TYPE, m.id.toString(), regionCode, before, mapper.toState(m));
        masterplans.flush();
        return m;
    }

    @Transactional
    public void delete(String regionCode, UUID id, String ifMatch) {
        Masterplan m = masterplans.locked(regionCode, id, ifMatch);
        if (m.status != MasterplanStatus.DRAFT) {
            throw ApiException.conflict("Masterplan version " + m.number + " is " + m.status
                    + "; only a DRAFT is deleted (send an IN_REVIEW version back to DRAFT first)");
        }
        Map<String, Object> state = state(m);
        state.put("programCount", masterplans.programCounts(List.of(m.id)).getOrDefault(m.id, 0L));
        masterplans.delete(m);
        audit.record(AuditAction.DELETE, Masterplan.AUDIT_TYPE, m.id.toString(), regionCode, state, null);
        masterplans.flush();
    }

    @Transactional
    public Masterplan transition(String regionCode, UUID id, String ifMatch, MasterplanTransitionRequest request) {
        MasterplanStatus to = request.to();
        if (to == MasterplanStatus.ENACTED) {
            // Lock order: the region, then the versions (create takes the region first too).
            regions.lockedVisible(regionCode).orElseThrow(() -> ApiException.notFound("Region " + regionCode));
        }
        Masterplan m = masterplans.locked(regionCode, id, ifMatch);
        if (!m.status.canBecome(to)) {
            throw ApiException.illegalTransition("masterplan version", m.status, to, m.status.allowedNext());
        }
        String reason = blankToNull(request.reason());
        List<Problem.FieldError> errors = new ArrayList<>();
        if (m.status == MasterplanStatus.IN_REVIEW && to == MasterplanStatus.DRAFT && reason == null) {
            errors.add(new Problem.FieldError("reason", "is required to send a version back to DRAFT"));
        }
        String regulation = blankToNull(request.regulationNumber());
        if (to == MasterplanStatus.ENACTED) {
            if (regulation == null) {
                errors.add(new Problem.FieldError(
                        "regulationNumber",
                        "is required to enact, e.g. Peraturan Bupati Purbalingga Nomor 45 Tahun 2024"));
            }
            if (request.regulationDate() == null) {
                errors.add(new Problem.FieldError("regulationDate", "is required to enact"));
            }
        } else if (regulation != null || request.regulationDate() != null) {
            errors.add(new Problem.FieldError(
                    regulation != null ? "regulationNumber" : "regulationDate", "is given only to enact"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(errors);
        }
        MasterplanStatus from = m.status;
        var now = TimestampedEntity.now();
        if (to == MasterplanStatus.ENACTED) {
            var previous = masterplans.lockedEnacted(regionCode);
            if (previous.isPresent()) {
                Masterplan old = previous.get();
                old.status = MasterplanStatus.SUPERSEDED;
                old.supersededById = m.id;
                old.statusChangedAt = now;
                old.statusReason = "Superseded by version " + m.number;
                masterplans.flush();
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("status", MasterplanStatus.SUPERSEDED.name());
                after.put("supersededById", m.id.toString());
                audit.record(
                        AuditAction.TRANSITION,
                        Masterplan.AUDIT_TYPE,
                        old.id.toString(),
                        regionCode,
                        Map.of("status", MasterplanStatus.ENACTED.name()),
                        after);
            }
            m.regulationNumber = regulation;
            m.regulationDate = request.regulationDate();
        }
        m.status = to;
        m.statusReason = reason;
        m.statusChangedAt = now;
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.name());
        after.put("reason", reason);
        if (to == MasterplanStatus.ENACTED) {
            after.put("regulationNumber", m.regulationNumber);
            after.put("regulationDate", m.regulationDate.toString());
        }
        audit.record(
                AuditAction.TRANSITION,
                Masterplan.AUDIT_TYPE,
                m.id.toString(),
                regionCode,
                Map.of("status", from.name()),
                after);
        masterplans.flush();
        return m;
    }

    public Masterplan find(String regionCode, UUID id) {
        return masterplans.found(regionCode, id);
    }

    /** A version whose fields and programs may change: a DRAFT, locked; 409 otherwise. */
    Masterplan editable(String regionCode, UUID id) {
        Masterplan m = masterplans.locked(regionCode, id, null);
        if (m.status.isFinal()) {
            throw ApiException.conflict("Masterplan version " + m.number + " is " + m.status
                    + " and immutable; start a new draft with copyOf to change it");
        }
        if (m.status == MasterplanStatus.IN_REVIEW) {
            throw ApiException.conflict("Masterplan version " + m.number
                    + " is IN_REVIEW; send it back to DRAFT (transition with a reason) to change it");
        }
        return m;
    }

    /** The version's state for the audit trail. */
    private Map<String, Object> state(Masterplan m) {
        Map<String, Object> state = new LinkedHashMap<>();
        MasterplanRequest s = mapper.toState(m);
        state.put("number", m.number);
        state.put("title", s.title());
        state.put("vision", s.vision());
        state.put("mission", s.mission());
        state.put("startYear", s.startYear());
        state.put("goals", s.goals());
        state.put("status", m.status.name());
        return state;
    }

    /** The fields the request carries over those of the version copied. */
    private static MasterplanRequest overlay(MasterplanRequest base, MasterplanRequest r) {
        return new MasterplanRequest(
                r.title() != null ? r.title() : base.title(),
                r.vision() != null ? r.vision() : base.vision(),
                r.mission() != null ? r.mission() : base.mission(),
                r.startYear() != null ? r.startYear() : base.startYear(),
                r.goals() != null ? r.goals() : base.goals(),
                r.copyOf());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
