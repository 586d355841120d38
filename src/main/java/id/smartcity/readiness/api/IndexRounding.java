package id.smartcity.readiness.api;

/** How a framework's shown index is rounded from the exact one. */
public enum IndexRounding {
    /** To the nearest, a tie away from zero (3.305 → 3.31). */
    HALF_UP,
    /** To the nearest, a tie to the even digit (3.305 → 3.30, 3.315 → 3.32). */
    HALF_EVEN,
    /** Truncated: the digits after the last shown one are dropped (3.309 → 3.30). */
    DOWN;

    public java.math.RoundingMode mode() {
        return switch (this) {
            case HALF_UP -> java.math.RoundingMode.HALF_UP;
            case HALF_EVEN -> java.math.RoundingMode.HALF_EVEN;
            case DOWN -> java.math.RoundingMode.DOWN;
        };
    }
}
