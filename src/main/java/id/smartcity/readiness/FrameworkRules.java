package id.smartcity.readiness;

import id.smartcity.platform.problem.Problem;
import id.smartcity.readiness.api.FrameworkDefinition;
import id.smartcity.readiness.api.FrameworkScale;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What bean validation cannot say about a framework definition: codes unique across pillars and
 * indicators, the scale and levels ({@link FrameworkScales}), and bands in increasing order covering
 * the whole scale, the last ending at its maximum.
 */
final class FrameworkRules {

    private FrameworkRules() {}

    /** @param original as sent; {@code d} is it {@link FrameworkScales#normalised normalised} */
    static List<Problem.FieldError> check(FrameworkDefinition original, FrameworkDefinition d) {
        List<Problem.FieldError> errors = new ArrayList<>(FrameworkScales.check(original, d));
        FrameworkScale scale = d.scale();
        Set<String> codes = new HashSet<>();
        for (int p = 0; p < d.pillars().size(); p++) {
            FrameworkDefinition.Pillar pillar = d.pillars().get(p);
            if (!codes.add(pillar.code())) {
                errors.add(new Problem.FieldError(
                        "definition.pillars[" + p + "].code", "is used twice: " + pillar.code()));
            }
            for (int i = 0; i < pillar.indicators().size(); i++) {
                String code = pillar.indicators().get(i).code();
                if (!codes.add(code)) {
                    errors.add(new Problem.FieldError(
                            "definition.pillars[" + p + "].indicators[" + i + "].code", "is used twice: " + code));
                }
            }
        }
        BigDecimal previous = scale.min();
        for (int b = 0; b < d.bands().size(); b++) {
            BigDecimal upTo = d.bands().get(b).upTo();
            if (upTo.compareTo(previous) <= 0) {
                errors.add(new Problem.FieldError(
                        "definition.bands[" + b + "].upTo", "must be above " + previous + ": bands go up in order"));
            }
            previous = upTo.max(previous);
        }
        BigDecimal last = d.bands().get(d.bands().size() - 1).upTo();
        if (last.compareTo(scale.max()) != 0) {
            String max = FrameworkScales.plain(scale.max());
            errors.add(new Problem.FieldError(
                    "definition.bands[" + (d.bands().size() - 1) + "].upTo",
                    "must be " + max + ": the last band covers the top of the scale, " + max + " included"));
        }
        return errors;
    }
}
