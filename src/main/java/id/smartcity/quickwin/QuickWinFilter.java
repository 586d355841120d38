package id.smartcity.quickwin;

import id.smartcity.dimension.DimensionCode;
import java.util.UUID;

/** The filters of the quick-win list; null means any. */
public record QuickWinFilter(
        DimensionCode dimension, QuickWinStatus status, Integer targetYear, UUID leadStakeholderId, String q) {}
