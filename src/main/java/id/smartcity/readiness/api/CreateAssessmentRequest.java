package id.smartcity.readiness.api;

import id.smartcity.platform.openapi.SchemaLimits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Starts a DRAFT assessment of a period under a framework version. */
@Schema(name = "CreateAssessmentRequest")
public record CreateAssessmentRequest(
        @NotNull @Pattern(regexp = FrameworkDefinition.CODE) @Schema(examples = "READINESS", maxLength = 40)
        String frameworkCode,

        @NotNull @Min(1) @Schema(examples = "1", maximum = SchemaLimits.INT32_MAX)
        Integer frameworkVersion,

        @NotNull
        @Pattern(
                regexp = "\\d{4}(-(S[12]|Q[1-4]))?",
                message = "must be a year, a half (2024-S1) or a quarter (2024-Q3)")
        @Schema(examples = "2024", pattern = SchemaLimits.PERIOD, maxLength = 7)
        String period) {}
