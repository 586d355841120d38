package id.smartcity.bimtek;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditTrail;
import id.smartcity.bimtek.api.BimtekStageRequest;
import id.smartcity.bimtek.api.BimtekTransitionRequest;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.MergePatch;
import id.smartcity.platform.persistence.RegionScopedEntity;
import id.smartcity.platform.persistence.TimestampedEntity;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import id.smartcity.platform.problem.ProblemType;
import id.smartcity.region.RegionRepository;
import id.smartcity.stakeholder.StakeholderReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bimtek stages (rules in src/docs/bimtek.md): one stage of each number per region and cohort
 * year; details change only while PLANNED; PLANNED → HELD once its last day is not in the future
 * and at least one of its sessions is HELD; PLANNED → CANCELLED while none of its sessions is
 * HELD; deleted only while PLANNED with no session linked.
 */
@ApplicationScoped
public class BimtekStageService {

    /** "Today" is taken in the easternmost zone of Indonesia (WIT, UTC+9), so no region's today is refused. */
    static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(9);

    @Inject
    BimtekStageRepository stages;

    @Inject
    BimtekStageQueries queries;

    @Inject
    StakeholderReferences stakeholderRefs;

    @Inject
    RegionRepository regions;

    @Inject
    BimtekStageMapper mapper;

    @Inject
    MergePatch mergePatch;

    @Inject
    AuditTrail audit;

    @Transactional
    public BimtekStage create(String regionCode, BimtekStageRequest request) {
        regions.visible(regionCode);
        check(regionCode, request);
        unique(regionCode, request, null);
        BimtekStage s = RegionScopedEntity.newIn(regionCode, BimtekStage::new);
        mapper.apply(request, s);
        stages.persist(s);
        audit.created(BimtekStage.AUDIT_TYPE, s.id.toString(), regionCode, mapper.toState(s));
        stages.flush();
        return s;
    }

    @Transactional
    public BimtekStage patch(String regionCode, UUID id, String ifMatch, JsonNode patch) {
        BimtekStage s = locked(regionCode, id, ifMatch);
        BimtekStageRequest before = mapper.toState(s);
        BimtekStageRequest request = mergePatch.apply(before, patch, BimtekStageRequest.class);
        if (s.status != BimtekStatus.PLANNED) {
            throw ApiException.conflict("The stage is " + s.status + "; its details are final");
        }
        check(regionCode, request);
        if (request.stageNumber() != s.stageNumber && stages.hasSessions(s.id)) {
            throw ApiException.conflict("FGD sessions of stage " + s.stageNumber
                    + " are linked to this stage; unlink them before changing its stage number");
        }
        unique(regionCode, request, s.id);
        mapper.apply(request, s);
        audit.updated(BimtekStage.AUDIT_TYPE, s.id.toString(), regionCode, before, mapper.toState(s));
        stages.flush();
        return s;
    }

    /** PLANNED → HELD or CANCELLED, under the rules above; anything else is 409. */
    @Transactional
    public BimtekStage transition(String regionCode, UUID id, String ifMatch, BimtekTransitionRequest request) {
        BimtekStage s = locked(regionCode, id, ifMatch);
        if (!s.status.canBecome(request.to())) {
            throw ApiException.illegalTransition("stage", s.status, request.to(), s.status.allowedNext());
        }
        List<String> missing = new ArrayList<>();
        if (request.to() == BimtekStatus.HELD) {
            LocalDate last = s.days.get(s.days.size() - 1).date;
            if (last.isAfter(LocalDate.now(LATEST_ZONE))) {
                missing.add("its last day (" + last + ") not in the future");
            }
            if (stages.sessionsWithStatus(s.id, "HELD") == 0) {
                missing.add("at least one HELD FGD session");
            }
        } else if (stages.sessionsWithStatus(s.id, "HELD") > 0) {
            missing.add("no HELD FGD session");
        }
        if (!missing.isEmpty()) {
            throw new ApiException(new Problem(
                            ProblemType.BUSINESS_RULE,
                            "A stage can become " + request.to() + " only with " + String.join(" and ", missing),
                            null)
                    .with("missing", missing));
        }
        BimtekStatus from = s.status;
        s.status = request.to();
        s.statusReason = request.reason().strip();
        s.statusChangedAt = TimestampedEntity.now();
        audit.statusChanged(
                AuditAction.TRANSITION,
                BimtekStage.AUDIT_TYPE,
                s.id.toString(),
                regionCode,
                from,
                s.status,
                s.statusReason);
        stages.flush();
        return s;
    }

    /** Deletes a PLANNED stage that no FGD session is linked to; 409 otherwise. */
    @Transactional
    public void delete(String regionCode, UUID id, String ifMatch) {
        BimtekStage s = locked(regionCode, id, ifMatch);
        if (s.status != BimtekStatus.PLANNED) {
            throw ApiException.conflict("The stage is " + s.status + " and is kept; only a PLANNED stage is deleted");
        }
        if (stages.hasSessions(s.id)) {
            throw ApiException.conflict("FGD sessions are linked to the stage; unlink them before deleting it");
        }
        BimtekStageRequest before = mapper.toState(s);
        stages.delete(s);
        audit.record(AuditAction.DELETE, BimtekStage.AUDIT_TYPE, id.toString(), regionCode, before, null);
    }

    public BimtekStage find(String regionCode, UUID id) {
        return stages.found(regionCode, id);
    }

    /** The stage for a write: row-locked until the transaction ends, its tag checked (412 when stale). */
    private BimtekStage locked(String regionCode, UUID id, String ifMatch) {
        BimtekStage s = stages.lockedInRegion(regionCode, id).orElseThrow(() -> stages.notFound(id));
        if (ifMatch != null) {
            ETags.checkIfMatch(ifMatch, BimtekStageQueries.tag(queries.response(s)));
        }
        return s;
    }

    private void unique(String regionCode, BimtekStageRequest r, UUID except) {
        if (stages.exists(regionCode, r.cohortYear(), r.stageNumber(), except)) {
            throw ApiException.conflict(
                    "The region already has stage " + r.stageNumber() + " of cohort year " + r.cohortYear());
        }
    }

    /** Days numbered 1, 2, … with strictly increasing dates (400); facilitators of this region (422). */
    private void check(String regionCode, BimtekStageRequest r) {
        List<Problem.FieldError> invalid = new ArrayList<>();
        for (int i = 0; i < r.days().size(); i++) {
            BimtekStageRequest.Day d = r.days().get(i);
            if (d.day() != i + 1) {
                invalid.add(new Problem.FieldError(
                        "days[" + i + "].day", "must be " + (i + 1) + ": days are numbered 1, 2, … in order"));
            }
            if (i > 0 && !d.date().isAfter(r.days().get(i - 1).date())) {
                invalid.add(new Problem.FieldError("days[" + i + "].date", "must be after the previous day's date"));
            }
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        List<BimtekStageRequest.Facilitator> facilitators = r.facilitators() == null ? List.of() : r.facilitators();
        StakeholderReferences.Named named = StakeholderReferences.named();
        for (int i = 0; i < facilitators.size(); i++) {
            named.one(
                    "facilitators[" + i + "].stakeholderId", facilitators.get(i).stakeholderId());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        stakeholderRefs.check(regionCode, named, errors);
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(errors);
        }
    }
}
