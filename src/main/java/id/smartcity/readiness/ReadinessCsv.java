package id.smartcity.readiness;

import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.CsvBody;
import id.smartcity.readiness.api.ResultResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * The CSV columns of an explained readiness result ({@link Csv} has the format): one row per
 * indicator, then a last row for the index. The columns indicator, score, evidence and links are the
 * ones {@link ScoreCsv} reads back: the export of a result, sent to the bulk score entry, scores
 * the assessment the same.
 */
final class ReadinessCsv {

    private ReadinessCsv() {}

    /** The whole export of one result. */
    static CsvBody body(ResultResponse r) {
        return new CsvBody(w -> {
            header(w);
            for (ResultResponse.PillarResult p : r.pillars()) {
                for (ResultResponse.IndicatorResult i : p.indicators()) {
                    row(w, p, i);
                }
            }
            index(w, r);
        });
    }

    static void header(Writer w) throws IOException {
        line(
                w,
                "pillar",
                "pillarWeight",
                "pillarNormalisedWeight",
                "indicator",
                "indicatorWeight",
                "weightInPillar",
                "effectiveWeight",
                "score",
                "contribution",
                "contributionExact",
                "evidence",
                "links",
                "shownIndex",
                "rounding");
    }

    static void row(Writer w, ResultResponse.PillarResult p, ResultResponse.IndicatorResult i) throws IOException {
        line(
                w,
                p.code(),
                p.weight(),
                p.normalisedWeight(),
                i.code(),
                i.weight(),
                i.weightInPillar(),
                i.effectiveWeight(),
                i.score(),
                i.contribution() == null ? null : i.contribution().value(),
                i.contribution() == null ? null : i.contribution().exact(),
                i.evidence(),
                i.links() == null || i.links().isEmpty() ? null : String.join(" ", i.links()),
                null,
                null);
    }

    /** The last row: the index, in the contribution columns. */
    static void index(Writer w, ResultResponse r) throws IOException {
        line(
                w,
                "INDEX",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                r.index() == null ? null : r.index().value(),
                r.index() == null ? null : r.index().exact(),
                null,
                null,
                r.shownIndex() == null ? null : r.shownIndex().value(),
                r.shownIndex() == null
                        ? null
                        : r.shownIndex().rounding() + " to " + r.shownIndex().decimals() + " decimals");
    }

    private static void line(Writer w, String... fields) throws IOException {
        Csv.line(w, Arrays.asList(fields));
    }
}
