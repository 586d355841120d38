package id.smartcity.audit.api;

import id.smartcity.platform.openapi.SchemaLimits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditVerification", description = "Result of recomputing the hash chain")
public record VerifyResponse(
        @Schema(description = "True when every checked event links to its predecessor and hashes to its stored hash")
        boolean valid,

        @Schema(
                description = "Number of events checked",
                examples = "1000000",
                minimum = "0",
                maximum = SchemaLimits.INT64_MAX)
        long checked,

        @Schema(
                description = "First event that is missing, altered or unlinked; absent when valid",
                minimum = "0",
                maximum = SchemaLimits.INT64_MAX)
        Long firstBrokenEventId,

        @Schema(
                description = "Hash of the last event checked: publish it to anchor the chain",
                pattern = SchemaLimits.SHA256,
                maxLength = 64)
        String lastHash) {}
