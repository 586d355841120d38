package id.smartcity.masterplan;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditTrail;
import id.smartcity.masterplan.api.ProgramRequest;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.MergePatch;
import id.smartcity.platform.persistence.TimestampedEntity;
import id.smartcity.platform.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The programs of a masterplan version. Writes need a DRAFT version (409 otherwise); each one
 * moves the version's version (its ETag), like a quick win's milestones move the quick win's.
 * {@code If-Match} on a program's PATCH and DELETE names the program's own ETag.
 */
@ApplicationScoped
public class ProgramService {

    /** Programs per version: a bound, not a policy (the diff and the roadmap list them whole). */
    static final int MAX_PROGRAMS = 500;

    @Inject
    MasterplanService masterplanService;

    @Inject
    MasterplanRepository masterplans;

    @Inject
    MasterplanMapper mapper;

    @Inject
    ProgramRules rules;

    @Inject
    MergePatch mergePatch;

    @Inject
    AuditTrail audit;

    @Transactional
    public Program create(String regionCode, UUID masterplanId, ProgramRequest r) {
        Masterplan m = masterplanService.editable(regionCode, masterplanId);
        if (masterplans.programCounts(java.util.List.of(m.id)).getOrDefault(m.id, 0L) >= MAX_PROGRAMS) {
            throw ApiException.conflict("A masterplan version holds at most " + MAX_PROGRAMS + " programs");
        }
        rules.check(m, r, null);
        Program p = new Program();
        p.id = UUID.randomUUID();
        p.masterplanId = m.id;
        p.regionCode = m.regionCode;
        p.programKey = UUID.randomUUID();
        mapper.apply(r, p);
        p.persist();
        audit.created(Program.AUDIT_TYPE, p.auditId(), regionCode, mapper.toState(p));
        touch(m);
        return p;
    }

    @Transactional
    public Program patch(String regionCode, UUID masterplanId, UUID programId, String ifMatch, JsonNode patch) {
        Masterplan m = masterplanService.editable(regionCode, masterplanId);
        Program p = program(m, programId);
        ETags.checkIfMatch(ifMatch, p.version);
        ProgramRequest before = mapper.toState(p);
        ProgramRequest r = mergePatch.apply(before, patch, ProgramRequest.class);
        rules.check(m, r, p.id);
        mapper.apply(r, p);
        if (audit.updated(Program.AUDIT_TYPE, p.auditId(), regionCode, before, mapper.toState(p))) {
            touch(m);
        }
        return p;
    }

    @Transactional
    public void delete(String regionCode, UUID masterplanId, UUID programId, String ifMatch) {
        Masterplan m = masterplanService.editable(regionCode, masterplanId);
        Program p = program(m, programId);
        ETags.checkIfMatch(ifMatch, p.version);
        ProgramRequest state = mapper.toState(p);
        p.delete();
        audit.record(AuditAction.DELETE, Program.AUDIT_TYPE, p.auditId(), regionCode, state, null);
        touch(m);
    }

    public Program find(String regionCode, UUID masterplanId, UUID programId) {
        return program(masterplanService.find(regionCode, masterplanId), programId);
    }

    private Program program(Masterplan m, UUID programId) {
        return masterplans.program(m, programId).orElseThrow(() -> ApiException.notFound("Program " + programId));
    }

    /** A program changed: move the version's version. */
    private void touch(Masterplan m) {
        m.updatedAt = TimestampedEntity.now();
        masterplans.flush();
    }
}
