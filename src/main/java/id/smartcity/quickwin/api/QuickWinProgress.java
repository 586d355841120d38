package id.smartcity.quickwin.api;

import id.smartcity.platform.http.ExactDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quick win's derived progress. */
@Schema(name = "QuickWinProgress", description = "Derived, never typed in: src/docs/api-conventions.md has the rule")
public record QuickWinProgress(
        ExactDecimal percent,

        @Schema(
                description = "Which rule gave the percent",
                examples = "MILESTONES",
                enumeration = {"MILESTONES", "LATEST_REPORT", "NONE"})
        String source) {}
