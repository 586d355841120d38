package id.smartcity.quickwin.api;

import id.smartcity.platform.openapi.SchemaLimits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A milestone of a quick win. */
@Schema(name = "Milestone")
public record MilestoneResponse(
        UUID id,
        @Schema(maxLength = 200) String title,
        BigDecimal weight,
        LocalDate dueDate,
        boolean done,
        LocalDate doneDate,

        @Schema(description = "Not done and due before today (Asia/Jakarta)")
        boolean overdue,

        @Schema(minimum = "0", maximum = SchemaLimits.INT64_MAX)
        long version) {}
