package id.smartcity.masterplan.api;

import id.smartcity.masterplan.MasterplanStatus;
import id.smartcity.platform.openapi.SchemaLimits;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The programs added, removed and changed from one version to another, matched by programKey. */
@Schema(name = "MasterplanDiff")
public record MasterplanDiffResponse(
        @Schema(description = "The version compared from (a)")
        VersionRef from,

        @Schema(description = "The version compared to (b)") VersionRef to,

        @Schema(description = "Programs of b whose programKey a does not have", maxItems = 500)
        List<ProgramResponse> added,

        @Schema(description = "Programs of a whose programKey b does not have", maxItems = 500)
        List<ProgramResponse> removed,

        @Schema(description = "Programs of both whose fields differ", maxItems = 500)
        List<ChangedProgram> changed,

        @Schema(description = "Programs of both with the same fields", minimum = "0", maximum = "500")
        int unchanged) {

    @Schema(name = "MasterplanDiffVersion")
    public record VersionRef(
            UUID id,

            @Schema(minimum = "1", maximum = SchemaLimits.INT32_MAX)
            int number,

            MasterplanStatus status) {}

    @Schema(name = "MasterplanDiffProgram")
    public record ChangedProgram(
            UUID programKey,
            @Schema(description = "The program's id in a") UUID fromProgramId,
            @Schema(description = "The program's id in b") UUID toProgramId,

            @Schema(description = "The title in b", maxLength = 200)
            String title,

            @Schema(maxItems = 20) List<FieldChange> changes) {}

    @Schema(
            name = "MasterplanDiffField",
            description = "A field's value before (in a) and after (in b), as text: strings, numbers, enums and ids"
                    + " as they are, lists and objects as compact JSON; absent when the field has no value")
    public record FieldChange(
            @Schema(examples = "budget", maxLength = 40) String field,
            @Schema(maxLength = 20000) String before,
            @Schema(maxLength = 20000) String after) {}
}
