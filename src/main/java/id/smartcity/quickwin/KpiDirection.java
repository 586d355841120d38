package id.smartcity.quickwin;

/** Whether a KPI improves upwards (coverage) or downwards (waiting time). */
public enum KpiDirection {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
