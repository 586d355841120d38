package id.smartcity.masterplan;

import id.smartcity.dimension.Dimension;
import id.smartcity.dimension.DimensionRepository;
import id.smartcity.fgd.FgdSessionReferences;
import id.smartcity.masterplan.api.BudgetYear;
import id.smartcity.masterplan.api.OutputIndicator;
import id.smartcity.masterplan.api.ProgramRequest;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import id.smartcity.quickwin.QuickWinRepository;
import id.smartcity.stakeholder.StakeholderReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The business rules of a program, each a 422 naming its field: the element is one of the
 * dimension's; the years lie in the horizon (SHORT within the plan's first 2 years, MEDIUM 5, LONG
 * 10); budget years and indicator targets lie in the program's years; lead, partners, FGD session
 * and quick win belong to the region (session and quick win to the same dimension); a quick win
 * delivers a SHORT program only, and one program per version.
 */
@ApplicationScoped
public class ProgramRules {

    @Inject
    DimensionRepository dimensions;

    @Inject
    StakeholderReferences stakeholderRefs;

    @Inject
    FgdSessionReferences sessionRefs;

    @Inject
    QuickWinRepository quickWins;

    @Inject
    MasterplanRepository masterplans;

    /** The horizon rule in words, for the 422 messages and the docs. */
    static final String HORIZON_RULE =
            "SHORT lies within the plan's first 2 years, MEDIUM within its first 5, LONG within its 10";

    public void check(Masterplan m, ProgramRequest r, UUID programId) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Dimension d = dimensions.findById(r.dimension().name());
        if (d == null || d.elements.stream().noneMatch(e -> e.code.equals(r.element()))) {
            errors.add(new Problem.FieldError(
                    "element",
                    "is not an element of " + r.dimension() + "; one of "
                            + (d == null
                                    ? List.of()
                                    : d.elements.stream().map(e -> e.code).toList())));
        }
        years(m, r.horizon(), r.startYear(), r.endYear(), "", errors);
        if (r.budget() != null) {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < r.budget().size(); i++) {
                BudgetYear b = r.budget().get(i);
                if (b.year() < r.startYear() || b.year() > r.endYear()) {
                    errors.add(new Problem.FieldError(
                            "budget[" + i + "].year",
                            "must lie in the program's years " + r.startYear() + ".." + r.endYear()));
                } else if (!seen.add(b.year())) {
                    errors.add(new Problem.FieldError("budget[" + i + "].year", "appears more than once"));
                }
            }
        }
        if (r.indicators() != null) {
            for (int i = 0; i < r.indicators().size(); i++) {
                List<OutputIndicator.Target> targets = r.indicators().get(i).targets();
                for (int j = 0; targets != null && j < targets.size(); j++) {
                    int y = targets.get(j).year();
                    if (y < r.startYear() || y > r.endYear()) {
                        errors.add(new Problem.FieldError(
                                "indicators[" + i + "].targets[" + j + "].year",
                                "must lie in the program's years " + r.startYear() + ".." + r.endYear()));
                    }
                }
            }
        }
        references(m, r, programId, errors);
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(errors);
        }
    }

    /** Every program still lies in the plan's period and its horizon (after a change of startYear or a copy). */
    public void checkPeriod(Masterplan m, List<Program> programs, String field) {
        for (Program p : programs) {
            List<Problem.FieldError> errors = new ArrayList<>();
            years(m, p.horizon, p.startYear, p.endYear, "", errors);
            if (!errors.isEmpty()) {
                throw ApiException.unprocessable(List.of(new Problem.FieldError(
                        field,
                        "would put program '" + p.title + "' (" + p.horizon + ", " + p.startYear + ".." + p.endYear
                                + ") outside its horizon in " + m.startYear + ".." + m.endYear() + ": "
                                + HORIZON_RULE)));
            }
        }
    }

    private static void years(
            Masterplan m, Horizon horizon, int start, int end, String prefix, List<Problem.FieldError> errors) {
        int last = horizon.lastYear(m.startYear);
        String range = m.startYear + ".." + last;
        if (start < m.startYear || start > last) {
            errors.add(new Problem.FieldError(
                    prefix + "startYear", "must lie in " + range + " for a " + horizon + " program: " + HORIZON_RULE));
        }
        if (end < m.startYear || end > last) {
            errors.add(new Problem.FieldError(
                    prefix + "endYear", "must lie in " + range + " for a " + horizon + " program: " + HORIZON_RULE));
        } else if (end < start) {
            errors.add(new Problem.FieldError(prefix + "endYear", "must not be before startYear"));
        }
    }

    private void references(Masterplan m, ProgramRequest r, UUID programId, List<Problem.FieldError> errors) {
        String regionCode = m.regionCode;
        stakeholderRefs.check(
                regionCode,
                StakeholderReferences.leadAndPartners(r.leadStakeholderId(), r.partnerStakeholderIds()),
                errors);
        sessionRefs.check(regionCode, r.fgdSessionId(), r.dimension(), errors);
        if (r.quickWinId() != null) {
            if (r.horizon() != Horizon.SHORT) {
                errors.add(new Problem.FieldError(
                        "quickWinId", "links only a SHORT program to the quick win that delivers it"));
                return;
            }
            var quickWin = quickWins.findInRegion(regionCode, r.quickWinId());
            if (quickWin.isEmpty()) {
                errors.add(new Problem.FieldError("quickWinId", "no such quick win in this region"));
            } else if (quickWin.get().dimension != r.dimension()) {
                errors.add(new Problem.FieldError(
                        "quickWinId", "is a quick win of " + quickWin.get().dimension + ", not of " + r.dimension()));
            } else {
                masterplans
                        .programOfQuickWin(m.id, r.quickWinId(), programId)
                        .ifPresent(other -> errors.add(new Problem.FieldError(
                                "quickWinId",
                                "already delivers program '" + other.title + "' (" + other.id
                                        + ") of this version: one quick win, one program")));
            }
        }
    }
}
