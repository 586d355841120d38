package id.smartcity.quickwin.api;

import id.smartcity.platform.openapi.SchemaLimits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A filed progress report. */
@Schema(name = "ProgressReport")
public record ProgressReportResponse(
        UUID id,
        LocalDate reportDate,
        BigDecimal percent,
        @Schema(maxLength = 4000) String narrative,

        @Schema(pattern = SchemaLimits.AMOUNT, maxLength = 23)
        String budgetRealised,

        OffsetDateTime createdAt) {}
