package id.smartcity.readiness.api;

import id.smartcity.platform.openapi.SchemaLimits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The index as the framework version shows (publishes) it, and how it came from the exact one:
 * {@code value} = {@code exact} rounded to {@code decimals} decimals under {@code rounding}.
 */
@Schema(name = "ReadinessShownIndex")
public record ShownIndex(
        @Schema(
                description = "The exact index (34 significant digits, at most 20 decimals)",
                examples = "3.31",
                pattern = SchemaLimits.DECIMAL,
                maxLength = 60)
        String exact,

        @Schema(
                description = "The index as the framework shows it: exact rounded under the rule",
                examples = "3.31",
                pattern = SchemaLimits.DECIMAL,
                maxLength = 60)
        String value,

        @Schema(minimum = "0", maximum = "" + FrameworkScale.MAX_DECIMALS)
        int decimals,

        IndexRounding rounding,

        @Schema(description = "In words, e.g. 3.305 rounded HALF_UP to 2 decimals is 3.31", maxLength = 200)
        String explanation) {}
