package id.smartcity.bimtek;

import java.util.List;
import java.util.Map;

/** Status of a Bimtek stage and, in one place, the transitions allowed between them. */
public enum BimtekStatus {
    PLANNED,
    HELD,
    CANCELLED;

    private static final Map<BimtekStatus, List<BimtekStatus>> NEXT = Map.of(
            PLANNED, List.of(HELD, CANCELLED),
            HELD, List.of(),
            CANCELLED, List.of());

    public List<BimtekStatus> allowedNext() {
        return NEXT.get(this);
    }

    public boolean canBecome(BimtekStatus to) {
        return allowedNext().contains(to);
    }
}
