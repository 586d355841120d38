package id.smartcity.masterplan;

import id.smartcity.masterplan.api.BudgetYear;
import id.smartcity.masterplan.api.RoadmapResponse;
import id.smartcity.platform.http.Csv;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The CSV of a roadmap ({@link Csv} has the format): one line per program with a column per year
 * of the period, then a DIMENSION_TOTAL line per dimension and a GRAND_TOTAL line ({@code row}
 * says which).
 */
final class MasterplanCsv {

    private MasterplanCsv() {}

    static void write(Writer w, RoadmapResponse r) throws IOException {
        List<String> header = new ArrayList<>(List.of(
                "row", "dimension", "programId", "programKey", "title", "element", "horizon", "startYear", "endYear"));
        for (int y = r.startYear(); y <= r.endYear(); y++) {
            header.add(Integer.toString(y));
        }
        header.addAll(List.of(
                "total",
                "currency",
                "quickWinId",
                "quickWinStatus",
                "quickWinProgressPercent",
                "quickWinBudgetPlanned",
                "quickWinBudgetRealised"));
        Csv.line(w, header);
        for (RoadmapResponse.Dimension d : r.dimensions()) {
            for (RoadmapResponse.Item p : d.programs()) {
                List<String> line = new ArrayList<>(List.of(
                        "PROGRAM",
                        d.dimension().name(),
                        p.programId().toString(),
                        p.programKey().toString(),
                        p.title(),
                        p.element(),
                        p.horizon().name(),
                        Integer.toString(p.startYear()),
                        Integer.toString(p.endYear())));
                line.addAll(years(r, p.budget()));
                line.add(p.budgetTotal());
                line.add(r.currency());
                RoadmapResponse.Delivery q = p.quickWin();
                line.add(q == null ? null : q.id().toString());
                line.add(q == null ? null : q.status().name());
                line.add(q == null ? null : q.progress().percent().exact());
                line.add(q == null ? null : q.budgetPlanned());
                line.add(q == null ? null : q.budgetRealised());
                Csv.line(w, line);
            }
        }
        for (RoadmapResponse.Dimension d : r.dimensions()) {
            Csv.line(w, totals(r, "DIMENSION_TOTAL", d.dimension().name(), d.totals(), d.total()));
        }
        Csv.line(w, totals(r, "GRAND_TOTAL", null, r.totals(), r.grandTotal()));
    }

    private static List<String> totals(
            RoadmapResponse r, String kind, String dimension, List<BudgetYear> perYear, String total) {
        List<String> line = new ArrayList<>();
        line.add(kind);
        line.add(dimension);
        for (int i = 0; i < 7; i++) {
            line.add(null);
        }
        line.addAll(years(r, perYear));
        line.add(total);
        line.add(r.currency());
        for (int i = 0; i < 5; i++) {
            line.add(null);
        }
        return line;
    }

    /** One cell per year of the period: the amount of that year, empty outside the given years. */
    private static List<String> years(RoadmapResponse r, List<BudgetYear> budget) {
        List<String> cells = new ArrayList<>();
        for (int y = r.startYear(); y <= r.endYear(); y++) {
            int year = y;
            cells.add(budget.stream()
                    .filter(b -> Objects.equals(b.year(), year))
                    .map(BudgetYear::amount)
                    .findFirst()
                    .orElse(null));
        }
        return cells;
    }
}
