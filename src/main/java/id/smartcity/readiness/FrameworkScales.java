package id.smartcity.readiness;

import id.smartcity.platform.problem.Problem;
import id.smartcity.readiness.api.FrameworkDefinition;
import id.smartcity.readiness.api.FrameworkLevel;
import id.smartcity.readiness.api.FrameworkScale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A framework version's scale (issue #21): the defaults of a definition without one, the scores it
 * allows, and how its index is shown. The one place a score is checked and an index rounded.
 */
public final class FrameworkScales {

    private FrameworkScales() {}

    /** The scale of the definition, with the index rule filled in; the legacy one when it has none. */
    public static FrameworkScale scale(FrameworkDefinition d) {
        return d.scale() == null ? FrameworkScale.LEGACY : d.scale().complete();
    }

    /**
     * The definition with scale, levels and level names all present: what is stored and shown. A
     * definition without levels gets one per name, over the whole-number steps of the scale (the
     * legacy 1-5 with one decimal: 1.0-1.9, 2.0-2.9, 3.0-3.9, 4.0-4.9, 5.0-5.0).
     */
    public static FrameworkDefinition normalised(FrameworkDefinition d) {
        FrameworkScale scale = scale(d);
        List<FrameworkLevel> levels = d.levels();
        if (levels == null) {
            levels = wholeLevels(d.levelNames() == null ? List.of() : d.levelNames(), scale);
        }
        List<String> names = levels == null
                ? d.levelNames()
                : levels.stream().map(FrameworkLevel::name).toList();
        return new FrameworkDefinition(names, d.pillars(), d.bands(), scale, levels);
    }

    /** Null when the names do not fit the whole-number steps of the scale. */
    private static List<FrameworkLevel> wholeLevels(List<String> names, FrameworkScale scale) {
        if (names.isEmpty()) {
            return List.of();
        }
        BigDecimal span = scale.max().subtract(scale.min());
        if (span.stripTrailingZeros().scale() > 0 || span.compareTo(BigDecimal.valueOf(names.size() - 1L)) != 0) {
            return null;
        }
        BigDecimal step = BigDecimal.ONE.movePointLeft(scale.decimals());
        List<FrameworkLevel> levels = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            BigDecimal from = scale.min().add(BigDecimal.valueOf(k)).setScale(scale.decimals());
            BigDecimal to = k == names.size() - 1
                    ? scale.max().setScale(scale.decimals())
                    : from.add(BigDecimal.ONE).subtract(step);
            levels.add(new FrameworkLevel(names.get(k), from, to));
        }
        return levels;
    }

    /** What bean validation cannot say about the scale and levels of a (normalised) definition. */
    static List<Problem.FieldError> check(FrameworkDefinition original, FrameworkDefinition d) {
        List<Problem.FieldError> errors = new ArrayList<>();
        FrameworkScale s = d.scale();
        if (s.min().compareTo(s.max()) >= 0) {
            errors.add(new Problem.FieldError("definition.scale.max", "must be above min " + plain(s.min())));
        }
        if (decimals(s.min()) > s.decimals()) {
            errors.add(
                    new Problem.FieldError("definition.scale.min", "may have at most " + s.decimals() + " decimals"));
        }
        if (decimals(s.max()) > s.decimals()) {
            errors.add(
                    new Problem.FieldError("definition.scale.max", "may have at most " + s.decimals() + " decimals"));
        }
        if (d.levels() == null) {
            errors.add(new Problem.FieldError(
                    "definition.levelNames",
                    "must name the " + wholeSteps(s) + " whole-number levels of the " + range(s)
                            + " scale, or give levels with their ranges"));
            return errors;
        }
        if (original.levels() != null
                && original.levelNames() != null
                && !original.levelNames().isEmpty()
                && !original.levelNames().equals(d.levelNames())) {
            errors.add(new Problem.FieldError("definition.levelNames", "must be the names of levels, in their order"));
        }
        BigDecimal previous = null;
        for (int k = 0; k < d.levels().size(); k++) {
            FrameworkLevel l = d.levels().get(k);
            String at = "definition.levels[" + k + "]";
            if (l.from().compareTo(l.to()) > 0) {
                errors.add(new Problem.FieldError(at + ".to", "must not be below from " + plain(l.from())));
            }
            if (l.from().compareTo(s.min()) < 0 || l.to().compareTo(s.max()) > 0) {
                errors.add(new Problem.FieldError(at, "must lie on the " + range(s) + " scale"));
            }
            if (decimals(l.from()) > s.decimals() || decimals(l.to()) > s.decimals()) {
                errors.add(new Problem.FieldError(at, "from and to may have at most " + s.decimals() + " decimals"));
            }
            if (previous != null && l.from().compareTo(previous) <= 0) {
                errors.add(new Problem.FieldError(
                        at + ".from",
                        "must be above " + plain(previous) + ": levels go up in order and do not overlap"));
            }
            previous = l.to();
        }
        for (int p = 0; p < d.pillars().size(); p++) {
            List<FrameworkDefinition.Indicator> indicators = d.pillars().get(p).indicators();
            for (int i = 0; i < indicators.size(); i++) {
                if (indicators.get(i).levels().size() != d.levels().size()) {
                    errors.add(new Problem.FieldError(
                            "definition.pillars[" + p + "].indicators[" + i + "].levels",
                            "must describe each of the " + d.levels().size() + " levels of the framework"));
                }
            }
        }
        return errors;
    }

    /** Null when the score is allowed, else why not: "5.01 is above 5: at most 2 decimals on a 0–5 scale". */
    public static String refusal(FrameworkScale s, BigDecimal score) {
        if (score.compareTo(s.min()) < 0) {
            return score.toPlainString() + " is below " + plain(s.min()) + ": the framework allows " + s.describe();
        }
        if (score.compareTo(s.max()) > 0) {
            return score.toPlainString() + " is above " + plain(s.max()) + ": the framework allows " + s.describe();
        }
        if (decimals(score) > s.decimals()) {
            return score.toPlainString() + " has too many decimals: the framework allows " + s.describe();
        }
        return null;
    }

    /** An allowed score as stored: with exactly the scale's decimals (3 on 1-5 with one decimal: 3.0). */
    public static BigDecimal stored(FrameworkScale s, BigDecimal score) {
        return score.setScale(s.decimals(), RoundingMode.UNNECESSARY);
    }

    /** The index as the framework shows it. */
    public static BigDecimal shown(FrameworkScale s, BigDecimal exact) {
        FrameworkScale.Index rule = s.complete().index();
        return exact == null
                ? null
                : exact.setScale(rule.decimals(), rule.rounding().mode());
    }

    static int decimals(BigDecimal v) {
        return Math.max(v.stripTrailingZeros().scale(), 0);
    }

    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static String range(FrameworkScale s) {
        return plain(s.min()) + "–" + plain(s.max());
    }

    private static String wholeSteps(FrameworkScale s) {
        BigDecimal span = s.max().subtract(s.min());
        return span.stripTrailingZeros().scale() > 0
                ? "whole"
                : span.add(BigDecimal.ONE).toBigInteger().toString();
    }
}
