package id.smartcity.stakeholder;

import id.smartcity.dimension.DimensionCode;

/** The filters of the stakeholder list; null means any. */
public record StakeholderFilter(DimensionCode dimension, StakeholderKind kind, Boolean active, String q) {}
