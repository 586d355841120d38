package id.smartcity.fgd;

import id.smartcity.dimension.DimensionCode;
import java.time.OffsetDateTime;

/** The filters of the FGD session list; null means any. {@code to} is exclusive. */
public record FgdSessionFilter(
        DimensionCode dimension, FgdStatus status, Integer stage, OffsetDateTime from, OffsetDateTime to) {}
