package id.smartcity.masterplan.api;

import id.smartcity.masterplan.MasterplanStatus;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.platform.security.RegionCodes;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A masterplan version. */
@Schema(name = "Masterplan")
public record MasterplanResponse(
        UUID id,

        @Schema(pattern = RegionCodes.PATTERN, maxLength = 5)
        String regionCode,

        @Schema(
                description = "1, 2, 3 … per region, in the order of creation",
                minimum = "1",
                maximum = SchemaLimits.INT32_MAX)
        int number,

        @Schema(maxLength = 200) String title,
        @Schema(maxLength = 2000) String vision,

        @Schema(maxItems = 20) List<@Size(max = 1000) String> mission,

        @Schema(minimum = "2017", maximum = "2091") int startYear,

        @Schema(description = "startYear + 9: the plan covers ten years", minimum = "2026", maximum = "2100")
        int endYear,

        @Schema(maxItems = 60) List<GoalItem> goals,

        @Schema(description = "The version this one was copied from; absent if none")
        UUID copiedFromId,

        MasterplanStatus status,
        @Schema(maxLength = 500) String statusReason,
        OffsetDateTime statusChangedAt,

        @Schema(examples = "Peraturan Bupati Purbalingga Nomor 45 Tahun 2024", maxLength = 200)
        String regulationNumber,

        LocalDate regulationDate,

        @Schema(description = "The version enacted after it; SUPERSEDED only")
        UUID supersededById,

        @Schema(minimum = "0", maximum = "1000") long programCount,

        @Schema(
                description = "Version, also the ETag; moves with every change of its programs too",
                minimum = "0",
                maximum = SchemaLimits.INT64_MAX)
        long version,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
