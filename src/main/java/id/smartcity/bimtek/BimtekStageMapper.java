package id.smartcity.bimtek;

import id.smartcity.bimtek.api.AttendanceTotals;
import id.smartcity.bimtek.api.BimtekStageRequest;
import id.smartcity.bimtek.api.BimtekStageResponse;
import id.smartcity.bimtek.api.StageSessionResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class BimtekStageMapper {

    public BimtekStageResponse toResponse(
            BimtekStage s, List<StageSessionResponse> sessions, AttendanceTotals attendance) {
        BimtekStageRequest state = toState(s);
        return new BimtekStageResponse(
                s.id,
                s.regionCode,
                s.cohortYear,
                s.stageNumber,
                s.title,
                state.days(),
                s.venue,
                state.facilitators(),
                state.expectedOutputs(),
                s.status,
                s.statusReason,
                s.statusChangedAt,
                sessions,
                attendance,
                s.version,
                s.createdAt,
                s.updatedAt);
    }

    /** The writable details, which a merge patch is applied to and the audit trail records. */
    public BimtekStageRequest toState(BimtekStage s) {
        return new BimtekStageRequest(
                s.cohortYear,
                s.stageNumber,
                s.title,
                s.days.stream()
                        .map(d -> new BimtekStageRequest.Day(d.dayNumber, d.date))
                        .toList(),
                s.venue,
                s.facilitators.stream()
                        .map(f -> new BimtekStageRequest.Facilitator(f.name, f.stakeholderId))
                        .toList(),
                s.outputs.stream()
                        .map(o -> new BimtekStageRequest.ExpectedOutput(o.dimension, o.description))
                        .toList());
    }

    /** Writes the request into the stage; collections are replaced only when they differ. */
    public void apply(BimtekStageRequest r, BimtekStage s) {
        s.cohortYear = r.cohortYear();
        s.stageNumber = r.stageNumber();
        s.title = r.title().strip();
        s.venue = blankToNull(r.venue());
        replace(
                s.days,
                r.days().stream()
                        .map(d -> new BimtekStage.Day(d.day(), d.date()))
                        .toList());
        replace(
                s.facilitators,
                (r.facilitators() == null ? List.<BimtekStageRequest.Facilitator>of() : r.facilitators())
                        .stream()
                                .map(f -> new BimtekStage.Facilitator(f.name().strip(), f.stakeholderId()))
                                .toList());
        replace(
                s.outputs,
                r.expectedOutputs() == null
                        ? BimtekDefaults.outputs(r.stageNumber())
                        : r.expectedOutputs().stream()
                                .map(o -> new BimtekStage.Output(
                                        o.dimension(), o.description().strip()))
                                .toList());
    }

    private static <T> void replace(List<T> target, List<T> wanted) {
        if (!target.equals(wanted)) {
            target.clear();
            target.addAll(wanted);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
