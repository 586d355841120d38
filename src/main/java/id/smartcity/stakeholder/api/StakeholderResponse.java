package id.smartcity.stakeholder.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.smartcity.stakeholder.StakeholderKind;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Stakeholder", description = "A party in the region's Smart City program")
public record StakeholderResponse(
        UUID id,
        @Schema(examples = "33.03") String regionCode,

        @Schema(examples = "Dinas Komunikasi dan Informatika Kabupaten Purbalingga")
        String name,

        StakeholderKind kind,
        String organisation,
        String position,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Personal data: only for admin, coordinator and contributor, and only when set")
        String email,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "Personal data, +62…: only for admin, coordinator and contributor, and only when set",
                examples = "+62281891234")
        String phone,

        List<MembershipEntry> memberships,
        boolean active,

        @Schema(description = "Version, also sent as the ETag", examples = "0")
        long version,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
