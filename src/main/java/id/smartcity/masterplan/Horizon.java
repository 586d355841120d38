package id.smartcity.masterplan;

/**
 * A program's horizon, and the rule for its years: they lie within the plan's first
 * {@link #years} years (SHORT 2, MEDIUM 5, LONG 10: the whole period).
 */
public enum Horizon {
    SHORT(2),
    MEDIUM(5),
    LONG(10);

    public final int years;

    Horizon(int years) {
        this.years = years;
    }

    /** The last year a program of this horizon may reach in a plan starting in {@code planStart}. */
    public int lastYear(int planStart) {
        return planStart + years - 1;
    }
}
