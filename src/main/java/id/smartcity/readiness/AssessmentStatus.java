package id.smartcity.readiness;

import java.util.List;
import java.util.Map;

/** Status of a readiness assessment and, in one place, the moves allowed between them. */
public enum AssessmentStatus {
    DRAFT,
    SUBMITTED,
    VERIFIED;

    private static final Map<AssessmentStatus, List<AssessmentStatus>> NEXT = Map.of(
            DRAFT, List.of(SUBMITTED),
            SUBMITTED, List.of(VERIFIED, DRAFT),
            VERIFIED, List.of());

    public List<AssessmentStatus> allowedNext() {
        return NEXT.get(this);
    }

    public boolean canBecome(AssessmentStatus to) {
        return allowedNext().contains(to);
    }
}
