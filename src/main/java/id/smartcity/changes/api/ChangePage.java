package id.smartcity.changes.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChangePage", description = "Changes in commit order, after the cursor given")
public record ChangePage(
        @Schema(maxItems = 100) List<ChangeEventResponse> items,

        @Schema(examples = "100", minimum = "1", maximum = "100")
        int limit,

        @Schema(
                description = "Pass as after to get the events after these; always present, also on an empty page"
                        + " (keep it: it may have moved past events you may not see)",
                pattern = "^[A-Za-z0-9_-]+$",
                maxLength = 40)
        String nextCursor) {}
