package id.smartcity.audit.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditVerification", description = "Result of recomputing the hash chain")
public record VerifyResponse(
        @Schema(description = "True when every checked event links to its predecessor and hashes to its stored hash")
        boolean valid,

        @Schema(description = "Number of events checked", examples = "1000000")
        long checked,

        @Schema(description = "First event that is missing, altered or unlinked; null when valid")
        Long firstBrokenEventId,

        @Schema(description = "Hash of the last event checked: publish it to anchor the chain")
        String lastHash) {}
