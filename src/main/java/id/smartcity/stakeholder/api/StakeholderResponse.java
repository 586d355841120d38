package id.smartcity.stakeholder.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.platform.security.RegionCodes;
import id.smartcity.stakeholder.StakeholderKind;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Stakeholder", description = "A party in the region's Smart City program")
public record StakeholderResponse(
        UUID id,

        @Schema(examples = "33.03", pattern = RegionCodes.PATTERN, maxLength = 5)
        String regionCode,

        @Schema(examples = "Dinas Komunikasi dan Informatika Kabupaten Purbalingga", maxLength = 200)
        String name,

        StakeholderKind kind,
        @Schema(maxLength = 200) String organisation,
        @Schema(maxLength = 200) String position,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "Personal data: only for admin, coordinator and contributor, and only when set",
                format = "email",
                maxLength = 254)
        String email,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "Personal data, +62…: only for admin, coordinator and contributor, and only when set",
                examples = "+62281891234",
                pattern = "^\\+62[1-9]\\d{6,12}$",
                maxLength = 20)
        String phone,

        @Schema(maxItems = 6) List<MembershipEntry> memberships,
        boolean active,

        @Schema(
                description = "Version, also sent as the ETag",
                examples = "0",
                minimum = "0",
                maximum = SchemaLimits.INT64_MAX)
        long version,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
