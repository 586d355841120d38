package id.smartcity.bimtek.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "BimtekAttendance",
        description = "Derived from the participants of the stage's sessions that are not CANCELLED (one count per"
                + " invitation to a session); never stored")
public record AttendanceTotals(
        @Schema(description = "Sessions of the stage, CANCELLED ones included", minimum = "0", maximum = "100000")
        long sessions,

        @Schema(description = "Sessions HELD", minimum = "0", maximum = "100000")
        long sessionsHeld,

        @Schema(description = "Invitations, whatever their attendance", minimum = "0", maximum = "10000000")
        long invited,

        @Schema(description = "Invitations with attendance ATTENDED", minimum = "0", maximum = "10000000")
        long attended,

        @Schema(description = "Invitations with attendance ABSENT", minimum = "0", maximum = "10000000")
        long absent,

        @Schema(
                description = "Distinct stakeholders who attended at least one session",
                minimum = "0",
                maximum = "10000000")
        long stakeholdersAttended) {

    public static final AttendanceTotals NONE = new AttendanceTotals(0, 0, 0, 0, 0, 0);
}
