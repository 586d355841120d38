package id.smartcity.fgd;

import id.smartcity.document.DocumentOwnerType;
import id.smartcity.fgd.api.FgdSessionRequest;
import id.smartcity.fgd.api.FgdSessionResponse;
import id.smartcity.fgd.api.MinutesRequest;
import id.smartcity.fgd.api.MinutesResponse;
import id.smartcity.fgd.api.ParticipantResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class FgdMapper {

    public FgdSessionResponse toResponse(FgdSession s) {
        return new FgdSessionResponse(
                s.id,
                s.regionCode,
                s.title,
                s.dimension,
                s.bimtekStage,
                s.bimtekDay,
                s.bimtekStageId,
                s.scheduledStart,
                s.scheduledEnd,
                s.venue,
                s.facilitatorStakeholderId,
                s.facilitatorName,
                s.agenda,
                s.status,
                s.statusReason,
                s.statusChangedAt,
                s.hasMinutes(),
                DocumentOwnerType.FGD_SESSION.documentsHref(s.regionCode, s.id),
                s.version,
                s.createdAt,
                s.updatedAt);
    }

    /** The writable details, which a merge patch is applied to and the audit trail records. */
    public FgdSessionRequest toState(FgdSession s) {
        return new FgdSessionRequest(
                s.title,
                s.dimension,
                s.bimtekStage,
                s.bimtekDay,
                s.scheduledStart,
                s.scheduledEnd,
                s.venue,
                s.facilitatorStakeholderId,
                s.facilitatorName,
                s.agenda,
                s.bimtekStageId);
    }

    public void apply(FgdSessionRequest r, FgdSession s) {
        s.title = r.title().strip();
        s.dimension = r.dimension();
        s.bimtekStage = r.bimtekStage();
        s.bimtekDay = r.bimtekDay();
        s.scheduledStart = r.scheduledStart();
        s.scheduledEnd = r.scheduledEnd();
        s.venue = blankToNull(r.venue());
        s.facilitatorStakeholderId = r.facilitatorStakeholderId();
        s.facilitatorName = blankToNull(r.facilitatorName());
        s.agenda = blankToNull(r.agenda());
        s.bimtekStageId = r.bimtekStageId();
    }

    public ParticipantResponse toResponse(FgdParticipant p) {
        return new ParticipantResponse(
                p.stakeholderId, p.stakeholder.name, p.stakeholder.kind, p.stakeholder.organisation, p.attendance);
    }

    /** The minutes as the API shows them and the audit trail records them; null when none. */
    public MinutesResponse minutes(FgdSession s) {
        if (!s.hasMinutes()) {
            return null;
        }
        return new MinutesResponse(s.id, s.minutesSummary, decisions(s), s.minutesRecordedAt, s.version);
    }

    public MinutesRequest minutesState(FgdSession s) {
        return s.hasMinutes() ? new MinutesRequest(s.minutesSummary, decisions(s)) : null;
    }

    private static List<MinutesRequest.DecisionEntry> decisions(FgdSession s) {
        return s.decisions.stream()
                .map(d -> new MinutesRequest.DecisionEntry(d.text, d.responsible))
                .toList();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
