package id.smartcity.masterplan;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.masterplan.api.BudgetYear;
import id.smartcity.masterplan.api.RoadmapResponse;
import id.smartcity.platform.http.ExactDecimal;
import id.smartcity.quickwin.QuickWin;
import id.smartcity.quickwin.QuickWinRepository;
import id.smartcity.quickwin.api.QuickWinProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The roadmap of a version: its programs by dimension and year with the budget of each year and
 * the totals; for a program a quick win delivers, the quick win's derived progress and realised
 * budget from {@link QuickWinRepository#derived(java.util.Collection)} (the one definition of
 * progress, view quick_win_progress).
 */
@ApplicationScoped
public class RoadmapQueries {

    @Inject
    MasterplanService service;

    @Inject
    MasterplanRepository masterplans;

    @Inject
    QuickWinRepository quickWins;

    public RoadmapResponse roadmap(String regionCode, UUID id) {
        Masterplan m = service.find(regionCode, id);
        List<Program> programs = new ArrayList<>(masterplans.allPrograms(m));
        programs.sort(Comparator.comparing((Program p) -> p.dimension.ordinal())
                .thenComparingInt(p -> p.startYear)
                .thenComparing(p -> p.title)
                .thenComparing(p -> p.id));
        List<UUID> linked = programs.stream()
                .map(p -> p.quickWinId)
                .filter(Objects::nonNull)
                .toList();
        Map<UUID, QuickWinRepository.Derived> derived = quickWins.derived(linked);
        Map<UUID, QuickWin> linkedQuickWins = new java.util.HashMap<>();
        for (UUID q : linked) {
            quickWins.findInRegion(regionCode, q).ifPresent(w -> linkedQuickWins.put(q, w));
        }
        int years = Masterplan.PERIOD_YEARS;
        BigDecimal[] grand = zeros(years);
        Map<DimensionCode, List<RoadmapResponse.Item>> items = new EnumMap<>(DimensionCode.class);
        Map<DimensionCode, BigDecimal[]> sums = new EnumMap<>(DimensionCode.class);
        for (DimensionCode d : DimensionCode.values()) {
            items.put(d, new ArrayList<>());
            sums.put(d, zeros(years));
        }
        for (Program p : programs) {
            BigDecimal[] own = zeros(years);
            for (Program.BudgetLine b : p.budget) {
                int i = b.year - m.startYear;
                if (i >= 0 && i < years) {
                    own[i] = own[i].add(b.amount);
                    sums.get(p.dimension)[i] = sums.get(p.dimension)[i].add(b.amount);
                    grand[i] = grand[i].add(b.amount);
                }
            }
            List<BudgetYear> budget = new ArrayList<>();
            for (int y = p.startYear; y <= p.endYear; y++) {
                int i = y - m.startYear;
                budget.add(new BudgetYear(y, MasterplanMapper.money(i >= 0 && i < years ? own[i] : BigDecimal.ZERO)));
            }
            items.get(p.dimension)
                    .add(new RoadmapResponse.Item(
                            p.id,
                            p.programKey,
                            p.title,
                            p.element,
                            p.horizon,
                            p.startYear,
                            p.endYear,
                            budget,
                            MasterplanMapper.money(sum(own)),
                            delivery(linkedQuickWins.get(p.quickWinId), derived)));
        }
        List<RoadmapResponse.Dimension> dimensions = new ArrayList<>();
        for (DimensionCode d : DimensionCode.values()) {
            dimensions.add(new RoadmapResponse.Dimension(
                    d, items.get(d), perYear(m, sums.get(d)), MasterplanMapper.money(sum(sums.get(d)))));
        }
        return new RoadmapResponse(
                m.id,
                m.number,
                m.status,
                m.startYear,
                m.endYear(),
                "IDR",
                dimensions,
                perYear(m, grand),
                MasterplanMapper.money(sum(grand)));
    }

    private static RoadmapResponse.Delivery delivery(QuickWin q, Map<UUID, QuickWinRepository.Derived> derived) {
        if (q == null) {
            return null;
        }
        QuickWinRepository.Derived d = derived.get(q.id);
        BigDecimal progress = d == null ? BigDecimal.ZERO : d.progress();
        return new RoadmapResponse.Delivery(
                q.id,
                q.title,
                q.status,
                new QuickWinProgress(ExactDecimal.of(progress), d == null ? "NONE" : d.source()),
                MasterplanMapper.money(q.plannedBudget),
                MasterplanMapper.money(d == null ? BigDecimal.ZERO : d.budgetRealised()));
    }

    private static List<BudgetYear> perYear(Masterplan m, BigDecimal[] amounts) {
        List<BudgetYear> list = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            list.add(new BudgetYear(m.startYear + i, MasterplanMapper.money(amounts[i])));
        }
        return list;
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] a = new BigDecimal[n];
        java.util.Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }

    private static BigDecimal sum(BigDecimal[] a) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal x : a) {
            s = s.add(x);
        }
        return s;
    }
}
