package id.smartcity.audit.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEventPage", description = "One page of audit events in chain order")
public record AuditPage(
        @Schema(maxItems = 100) List<AuditEventResponse> items,

        @Schema(examples = "20", minimum = "1", maximum = "100")
        int limit,

        @Schema(
                description = "Pass as cursor to get the next page; absent on the last page",
                pattern = "^[A-Za-z0-9_-]+$",
                maxLength = 40)
        String nextCursor) {}
