package id.smartcity.masterplan;

import java.util.List;
import java.util.Map;

/**
 * The masterplan workflow: DRAFT → IN_REVIEW → ENACTED, IN_REVIEW → DRAFT (sent back); an ENACTED
 * version becomes SUPERSEDED only when a later one is enacted, never by a request.
 */
public enum MasterplanStatus {
    DRAFT,
    IN_REVIEW,
    ENACTED,
    SUPERSEDED;

    private static final Map<MasterplanStatus, List<MasterplanStatus>> NEXT = Map.of(
            DRAFT, List.of(IN_REVIEW),
            IN_REVIEW, List.of(DRAFT, ENACTED),
            ENACTED, List.of(),
            SUPERSEDED, List.of());

    public List<MasterplanStatus> allowedNext() {
        return NEXT.get(this);
    }

    public boolean canBecome(MasterplanStatus to) {
        return allowedNext().contains(to);
    }

    /** ENACTED and SUPERSEDED versions are the record of what was enacted: they never change. */
    public boolean isFinal() {
        return this == ENACTED || this == SUPERSEDED;
    }
}
