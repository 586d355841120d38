package id.smartcity.masterplan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.masterplan.api.BudgetYear;
import id.smartcity.masterplan.api.GoalItem;
import id.smartcity.masterplan.api.MasterplanRequest;
import id.smartcity.masterplan.api.MasterplanResponse;
import id.smartcity.masterplan.api.OutputIndicator;
import id.smartcity.masterplan.api.ProgramRequest;
import id.smartcity.masterplan.api.ProgramResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Entities to representations and back; the writable state is what PATCH merges into and the audit records. */
@ApplicationScoped
public class MasterplanMapper {

    private static final TypeReference<List<OutputIndicator>> INDICATORS = new TypeReference<>() {};

    @Inject
    ObjectMapper json;

    public MasterplanResponse toResponse(Masterplan m, long programCount) {
        return new MasterplanResponse(
                m.id,
                m.regionCode,
                m.number,
                m.title,
                m.vision,
                List.copyOf(m.mission),
                m.startYear,
                m.endYear(),
                goals(m),
                m.copiedFromId,
                m.status,
                m.statusReason,
                m.statusChangedAt,
                m.regulationNumber,
                m.regulationDate,
                m.supersededById,
                programCount,
                m.version,
                m.createdAt,
                m.updatedAt);
    }

    public MasterplanRequest toState(Masterplan m) {
        return new MasterplanRequest(m.title, m.vision, List.copyOf(m.mission), m.startYear, goals(m), null);
    }

    /** Applies the fields the request carries; absent ones keep their value (a copy's, on creation). */
    public void apply(MasterplanRequest r, Masterplan m) {
        if (r.title() != null) {
            m.title = r.title().strip();
        }
        m.vision = blankToNull(r.vision());
        if (r.mission() != null) {
            List<String> mission = r.mission().stream().map(String::strip).toList();
            if (!m.mission.equals(mission)) {
                m.mission.clear();
                m.mission.addAll(mission);
            }
        }
        if (r.startYear() != null) {
            m.startYear = r.startYear();
        }
        if (r.goals() != null) {
            List<Masterplan.Goal> goals = r.goals().stream()
                    .map(g -> new Masterplan.Goal(g.dimension(), g.text().strip()))
                    .toList();
            if (!m.goals.equals(goals)) {
                m.goals.clear();
                m.goals.addAll(goals);
            }
        }
    }

    public ProgramResponse toResponse(Program p) {
        List<BudgetYear> budget = budget(p);
        BigDecimal total = p.budget.stream().map(b -> b.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ProgramResponse(
                p.id,
                p.masterplanId,
                p.programKey,
                p.title,
                p.description,
                p.dimension,
                p.element,
                p.horizon,
                p.startYear,
                p.endYear,
                p.leadStakeholderId,
                partners(p),
                budget,
                money(total),
                "IDR",
                p.fundingSource,
                indicators(p),
                p.fgdSessionId,
                p.quickWinId,
                p.version,
                p.createdAt,
                p.updatedAt);
    }

    public ProgramRequest toState(Program p) {
        return new ProgramRequest(
                p.title,
                p.description,
                p.dimension,
                p.element,
                p.horizon,
                p.startYear,
                p.endYear,
                p.leadStakeholderId,
                partners(p),
                budget(p),
                p.fundingSource,
                indicators(p),
                p.fgdSessionId,
                p.quickWinId);
    }

    public void apply(ProgramRequest r, Program p) {
        p.title = r.title().strip();
        p.description = blankToNull(r.description());
        p.dimension = r.dimension();
        p.element = r.element();
        p.horizon = r.horizon();
        p.startYear = r.startYear();
        p.endYear = r.endYear();
        p.leadStakeholderId = r.leadStakeholderId();
        List<UUID> partners = r.partnerStakeholderIds() == null ? List.of() : r.partnerStakeholderIds();
        if (!p.partners.equals(new LinkedHashSet<>(partners))) {
            p.partners.clear();
            p.partners.addAll(partners);
        }
        List<Program.BudgetLine> budget = new ArrayList<>();
        if (r.budget() != null) {
            r.budget().stream()
                    .sorted(Comparator.comparing(BudgetYear::year))
                    .forEach(b -> budget.add(new Program.BudgetLine(
                            b.year(), new BigDecimal(b.amount()).setScale(2, RoundingMode.UNNECESSARY))));
        }
        if (!p.budget.equals(budget)) {
            p.budget.clear();
            p.budget.addAll(budget);
        }
        p.fundingSource = r.fundingSource();
        p.indicators = write(r.indicators() == null ? List.of() : r.indicators());
        p.fgdSessionId = r.fgdSessionId();
        p.quickWinId = r.quickWinId();
    }

    /** A copy of a program into another version: same program key, new id. */
    public Program copy(Program from, UUID masterplanId) {
        Program p = new Program();
        p.id = UUID.randomUUID();
        p.masterplanId = masterplanId;
        p.regionCode = from.regionCode;
        p.programKey = from.programKey;
        apply(toState(from), p);
        return p;
    }

    public List<OutputIndicator> indicators(Program p) {
        try {
            return json.readValue(p.indicators, INDICATORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored indicators of program " + p.id + " are not readable", e);
        }
    }

    private String write(List<OutputIndicator> indicators) {
        try {
            return json.writeValueAsString(indicators);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<GoalItem> goals(Masterplan m) {
        return m.goals.stream().map(g -> new GoalItem(g.dimension, g.text)).toList();
    }

    private static List<UUID> partners(Program p) {
        List<UUID> partners = new ArrayList<>(p.partners);
        partners.sort(null);
        return partners;
    }

    private static List<BudgetYear> budget(Program p) {
        return p.budget.stream()
                .sorted(Comparator.comparingInt(b -> b.year))
                .map(b -> new BudgetYear(b.year, money(b.amount)))
                .toList();
    }

    public static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
