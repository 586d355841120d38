package id.smartcity.bimtek;

/** The filters of the stage list; null means any. */
public record BimtekStageFilter(Integer cohortYear, BimtekStatus status) {}
