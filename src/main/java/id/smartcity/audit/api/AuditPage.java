package id.smartcity.audit.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEventPage", description = "One page of audit events in chain order")
public record AuditPage(
        List<AuditEventResponse> items,
        @Schema(examples = "20") int limit,

        @Schema(description = "Pass as cursor to get the next page; null on the last page")
        String nextCursor) {}
