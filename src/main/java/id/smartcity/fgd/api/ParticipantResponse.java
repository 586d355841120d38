package id.smartcity.fgd.api;

import id.smartcity.fgd.Attendance;
import id.smartcity.stakeholder.StakeholderKind;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FgdParticipant")
public record ParticipantResponse(
        UUID stakeholderId,
        @Schema(maxLength = 200) String name,
        StakeholderKind kind,
        @Schema(maxLength = 200) String organisation,
        Attendance attendance) {}
