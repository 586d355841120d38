package id.smartcity.readiness.api;

import id.smartcity.platform.openapi.SchemaLimits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The framework version an assessment is scored under. */
@Schema(name = "FrameworkRef")
public record FrameworkRef(
        @Schema(examples = "READINESS", pattern = FrameworkDefinition.CODE, maxLength = 40)
        String code,

        @Schema(examples = "1", minimum = "1", maximum = SchemaLimits.INT32_MAX)
        int version) {}
