package id.smartcity.fgd;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.audit.AuditAction;
import id.smartcity.audit.AuditTrail;
import id.smartcity.bimtek.BimtekStage;
import id.smartcity.bimtek.BimtekStageRepository;
import id.smartcity.bimtek.BimtekStatus;
import id.smartcity.fgd.api.AttendanceRequest;
import id.smartcity.fgd.api.FgdSessionRequest;
import id.smartcity.fgd.api.FgdSessionResponse;
import id.smartcity.fgd.api.FgdTransitionRequest;
import id.smartcity.fgd.api.InviteRequest;
import id.smartcity.fgd.api.MinutesRequest;
import id.smartcity.fgd.api.ParticipantResponse;
import id.smartcity.platform.http.MergePatch;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Paging;
import id.smartcity.platform.persistence.RegionScopedEntity;
import id.smartcity.platform.persistence.TimestampedEntity;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import id.smartcity.platform.problem.ProblemType;
import id.smartcity.platform.security.Roles;
import id.smartcity.region.RegionRepository;
import id.smartcity.stakeholder.Stakeholder;
import id.smartcity.stakeholder.StakeholderRepository;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * FGD sessions, their participants and minutes. Rules: details change only while PLANNED; a
 * session becomes HELD only with at least one attendee and minutes; once HELD, participants and
 * minutes change only by a coordinator (or admin); a CANCELLED session does not change at all.
 */
@ApplicationScoped
public class FgdService {

    @Inject
    FgdSessionRepository sessions;

    @Inject
    FgdParticipantRepository participants;

    @Inject
    StakeholderRepository stakeholders;

    @Inject
    RegionRepository regions;

    @Inject
    BimtekStageRepository stages;

    @Inject
    FgdMapper mapper;

    @Inject
    MergePatch mergePatch;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    @Transactional
    public FgdSession create(String regionCode, FgdSessionRequest request) {
        regions.visible(regionCode);
        check(regionCode, request, null);
        FgdSession s = RegionScopedEntity.newIn(regionCode, FgdSession::new);
        mapper.apply(request, s);
        sessions.persist(s);
        audit.created(FgdSession.AUDIT_TYPE, s.id.toString(), regionCode, mapper.toState(s));
        return s;
    }

    @Transactional
    public FgdSession replace(String regionCode, UUID id, String ifMatch, FgdSessionRequest request) {
        FgdSession s = sessions.locked(regionCode, id, ifMatch);
        return update(s, request);
    }

    @Transactional
    public FgdSession patch(String regionCode, UUID id, String ifMatch, JsonNode patch) {
        FgdSession s = sessions.locked(regionCode, id, ifMatch);
        return update(s, mergePatch.apply(mapper.toState(s), patch, FgdSessionRequest.class));
    }

    /** PLANNED → HELD (with an attendee and minutes) or CANCELLED; anything else is 409. */
    @Transactional
    public FgdSession transition(String regionCode, UUID id, String ifMatch, FgdTransitionRequest request) {
        FgdSession s = sessions.locked(regionCode, id, ifMatch);
        if (!s.status.canBecome(request.to())) {
            throw ApiException.illegalTransition("session", s.status, request.to(), s.status.allowedNext());
        }
        if (request.to() == FgdStatus.HELD) {
            List<String> missing = new ArrayList<>();
            if (participants.attendees(s.id) == 0) {
                missing.add("at least one participant with attendance ATTENDED");
            }
            if (!s.hasMinutes()) {
                missing.add("minutes");
            }
            if (!missing.isEmpty()) {
                throw new ApiException(new Problem(
                                ProblemType.BUSINESS_RULE,
                                "A session can be marked HELD only with " + String.join(" and ", missing),
                                null)
                        .with("missing", missing));
            }
        }
        FgdStatus from = s.status;
        s.status = request.to();
        s.statusReason = request.reason().strip();
        s.statusChangedAt = TimestampedEntity.now();
        audit.statusChanged(
                AuditAction.TRANSITION,
                FgdSession.AUDIT_TYPE,
                s.id.toString(),
                regionCode,
                from,
                s.status,
                s.statusReason);
        sessions.flush();
        return s;
    }

    /** Invites stakeholders of the session's region; ones already invited stay as they are. */
    @Transactional
    public FgdSession invite(String regionCode, UUID id, String ifMatch, InviteRequest request) {
        FgdSession s = findForParticipants(regionCode, id, ifMatch);
        Set<UUID> wanted = new LinkedHashSet<>(request.stakeholderIds());
        Map<UUID, Stakeholder> found = stakeholders.inRegion(regionCode, wanted).stream()
                .collect(Collectors.toMap(st -> st.id, Function.identity()));
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.stakeholderIds().size(); i++) {
            Stakeholder st = found.get(request.stakeholderIds().get(i));
            if (st == null) {
                // Never says whether the id exists in another region.
                errors.add(new Problem.FieldError("stakeholderIds[" + i + "]", "no such stakeholder in this region"));
            } else if (!st.active) {
                errors.add(new Problem.FieldError("stakeholderIds[" + i + "]", "is archived"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(errors);
        }
        Set<UUID> already = participants.allOfSession(s.id).stream()
                .map(p -> p.stakeholderId)
                .collect(Collectors.toSet());
        boolean changed = false;
        for (UUID stakeholderId : wanted) {
            if (already.contains(stakeholderId)) {
                continue;
            }
            FgdParticipant p = new FgdParticipant();
            p.sessionId = s.id;
            p.stakeholderId = stakeholderId;
            // The read-only association too: the answer, built in this transaction, names the stakeholder.
            p.stakeholder = found.get(stakeholderId);
            participants.persist(p);
            audit.created(
                    FgdParticipant.AUDIT_TYPE,
                    p.auditId(),
                    regionCode,
                    Map.of(
                            "sessionId",
                            s.id.toString(),
                            "stakeholderId",
                            stakeholderId.toString(),
                            "attendance",
                            p.attendance.name()));
            changed = true;
        }
        return changed ? touched(s) : s;
    }

    /** Sets the attendance of invited stakeholders, all or nothing. */
    @Transactional
    public FgdSession attendance(String regionCode, UUID id, String ifMatch, AttendanceRequest request) {
        FgdSession s = findForParticipants(regionCode, id, ifMatch);
        Map<UUID, FgdParticipant> invited = participants.allOfSession(s.id).stream()
                .collect(Collectors.toMap(p -> p.stakeholderId, Function.identity()));
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>();
        for (int i = 0; i < request.updates().size(); i++) {
            UUID stakeholderId = request.updates().get(i).stakeholderId();
            if (!invited.containsKey(stakeholderId)) {
                errors.add(
                        new Problem.FieldError("updates[" + i + "].stakeholderId", "is not invited to this session"));
            } else if (!seen.add(stakeholderId)) {
                errors.add(new Problem.FieldError("updates[" + i + "].stakeholderId", "is listed more than once"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(errors);
        }
        boolean changed = false;
        for (AttendanceRequest.Entry e : request.updates()) {
            FgdParticipant p = invited.get(e.stakeholderId());
            if (p.attendance != e.attendance()) {
                audit.updated(
                        FgdParticipant.AUDIT_TYPE,
                        p.auditId(),
                        regionCode,
                        Map.of("attendance", p.attendance.name()),
                        Map.of("attendance", e.attendance().name()));
                p.attendance = e.attendance();
                changed = true;
            }
        }
        return changed ? touched(s) : s;
    }

    @Transactional
    public FgdSession uninvite(String regionCode, UUID id, UUID stakeholderId, String ifMatch) {
        FgdSession s = findForParticipants(regionCode, id, ifMatch);
        FgdParticipant p = participants
                .findByIdOptional(new FgdParticipant.Key(s.id, stakeholderId))
                .orElseThrow(() -> ApiException.notFound("Participant " + stakeholderId));
        participants.delete(p);
        audit.record(
                AuditAction.DELETE,
                FgdParticipant.AUDIT_TYPE,
                p.auditId(),
                regionCode,
                Map.of("attendance", p.attendance.name()),
                null);
        return touched(s);
    }

    /** Records or replaces the minutes. */
    @Transactional
    public FgdSession putMinutes(String regionCode, UUID id, String ifMatch, MinutesRequest request) {
        FgdSession s = findForParticipants(regionCode, id, ifMatch);
        MinutesRequest before = mapper.minutesState(s);
        s.minutesSummary = request.summary().strip();
        List<FgdSession.Decision> decisions = (request.decisions() == null
                        ? List.<MinutesRequest.DecisionEntry>of()
                        : request.decisions())
                .stream()
                        .map(d -> new FgdSession.Decision(d.text().strip(), FgdMapper.blankToNull(d.responsible())))
                        .toList();
        if (!decisions.equals(s.decisions)) {
            s.decisions.clear();
            s.decisions.addAll(decisions);
        }
        MinutesRequest after = mapper.minutesState(s);
        if (before == null) {
            s.minutesRecordedAt = TimestampedEntity.now();
            audit.created("FGD_MINUTES", s.id.toString(), regionCode, after);
        } else if (audit.updated("FGD_MINUTES", s.id.toString(), regionCode, before, after)) {
            s.minutesRecordedAt = TimestampedEntity.now();
        }
        sessions.flush();
        return s;
    }

    /** One page of the region's sessions. */
    public Page<FgdSessionResponse> page(String regionCode, FgdSessionFilter filter, PageRequest page) {
        return Paging.page(sessions.search(regionCode, filter, page.sort()), page, mapper::toResponse);
    }

    /** At most {@code rows} sessions from the page's offset on, for an export. */
    public List<FgdSessionResponse> export(String regionCode, FgdSessionFilter filter, PageRequest page, int rows) {
        return sessions
                .search(regionCode, filter, page.sort())
                .range(page.offset(), page.offset() + rows - 1)
                .list()
                .stream()
                .map(mapper::toResponse)
                .toList();
    }

    /** One page of the session's participants. */
    public Page<ParticipantResponse> participants(FgdSession s, PageRequest page) {
        return Paging.page(participants.ofSession(s.id, page.sort()), page, mapper::toResponse);
    }

    public FgdSession find(String regionCode, UUID id) {
        return sessions.found(regionCode, id);
    }

    private FgdSession update(FgdSession s, FgdSessionRequest request) {
        if (s.status != FgdStatus.PLANNED) {
            throw ApiException.conflict("The session is " + s.status + "; its details are final"
                    + (s.status == FgdStatus.HELD ? " (a coordinator may still correct attendance and minutes)" : ""));
        }
        check(s.regionCode, request, s.bimtekStageId);
        FgdSessionRequest before = mapper.toState(s);
        mapper.apply(request, s);
        audit.updated(FgdSession.AUDIT_TYPE, s.id.toString(), s.regionCode, before, mapper.toState(s));
        sessions.flush();
        return s;
    }

    /** Participants and minutes: changeable while PLANNED; once HELD, by coordinators only. */
    private FgdSession findForParticipants(String regionCode, UUID id, String ifMatch) {
        FgdSession s = sessions.locked(regionCode, id, ifMatch);
        if (s.status == FgdStatus.CANCELLED) {
            throw ApiException.conflict("The session is CANCELLED; its participants and minutes are final");
        }
        if (s.status == FgdStatus.HELD && !identity.hasRole(Roles.COORDINATOR) && !identity.hasRole(Roles.ADMIN)) {
            throw ApiException.of(
                    ProblemType.FORBIDDEN,
                    "The session is HELD: only a coordinator may change its participants or minutes");
        }
        return s;
    }

    /** Moves the session's version (and updatedAt): its participants are part of it. */
    private FgdSession touched(FgdSession s) {
        s.updatedAt = TimestampedEntity.now();
        sessions.flush();
        return s;
    }

    private void check(String regionCode, FgdSessionRequest r, UUID linkedStageId) {
        if (!r.scheduledEnd().isAfter(r.scheduledStart())) {
            throw ApiException.invalid("scheduledEnd", "must be after scheduledStart");
        }
        if (r.facilitatorStakeholderId() != null
                && stakeholders
                        .findInRegion(regionCode, r.facilitatorStakeholderId())
                        .isEmpty()) {
            throw ApiException.unprocessable(
                    List.of(new Problem.FieldError("facilitatorStakeholderId", "no such stakeholder in this region")));
        }
        if (r.bimtekStageId() != null) {
            checkStage(regionCode, r, !r.bimtekStageId().equals(linkedStageId));
        }
    }

    /**
     * The linked stage is one of this region (share-locked, so that it is neither deleted nor
     * transitioned before this write commits), not CANCELLED when newly linked, and of the
     * session's stage number.
     */
    private void checkStage(String regionCode, FgdSessionRequest r, boolean newLink) {
        BimtekStage stage = stages.sharedInRegion(regionCode, r.bimtekStageId()).orElse(null);
        String problem = null;
        if (stage == null) {
            problem = "no such Bimtek stage in this region";
        } else if (newLink && stage.status == BimtekStatus.CANCELLED) {
            problem = "the Bimtek stage is CANCELLED";
        } else if (stage.stageNumber != r.bimtekStage()) {
            throw ApiException.unprocessable(List.of(new Problem.FieldError(
                    "bimtekStage", "must be " + stage.stageNumber + ", the number of the linked Bimtek stage")));
        }
        if (problem != null) {
            throw ApiException.unprocessable(List.of(new Problem.FieldError("bimtekStageId", problem)));
        }
    }
}
