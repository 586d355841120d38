package id.smartcity.fgd.api;

import id.smartcity.fgd.Attendance;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FgdAttendanceRequest", description = "Attendance of several invited stakeholders at once")
public record AttendanceRequest(
        @NotEmpty @Size(max = 500) @Schema(maxItems = 500) List<@NotNull @Valid Entry> updates) {

    @Schema(name = "FgdAttendanceEntry")
    public record Entry(
            @NotNull UUID stakeholderId, @NotNull Attendance attendance) {}
}
