package id.smartcity.fgd;

import java.util.List;
import java.util.Map;

/** Status of an FGD session and, in one place, the transitions allowed between them. */
public enum FgdStatus {
    PLANNED,
    HELD,
    CANCELLED;

    private static final Map<FgdStatus, List<FgdStatus>> NEXT = Map.of(
            PLANNED, List.of(HELD, CANCELLED),
            HELD, List.of(),
            CANCELLED, List.of());

    public List<FgdStatus> allowedNext() {
        return NEXT.get(this);
    }

    public boolean canBecome(FgdStatus to) {
        return allowedNext().contains(to);
    }
}
