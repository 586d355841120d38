package id.smartcity.quickwin;

import java.util.List;
import java.util.Map;

/** The quick-win workflow: the statuses and, in one place, the moves allowed between them. */
public enum QuickWinStatus {
    PROPOSED,
    APPROVED,
    IN_PROGRESS,
    ON_HOLD,
    COMPLETED,
    CANCELLED;

    private static final Map<QuickWinStatus, List<QuickWinStatus>> NEXT = Map.of(
            PROPOSED, List.of(APPROVED, CANCELLED),
            APPROVED, List.of(IN_PROGRESS, ON_HOLD, CANCELLED),
            IN_PROGRESS, List.of(COMPLETED, ON_HOLD, CANCELLED),
            ON_HOLD, List.of(IN_PROGRESS, CANCELLED),
            COMPLETED, List.of(),
            CANCELLED, List.of());

    public List<QuickWinStatus> allowedNext() {
        return NEXT.get(this);
    }

    public boolean canBecome(QuickWinStatus to) {
        return allowedNext().contains(to);
    }
}
