package id.smartcity.readiness.api;

import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.readiness.AssessmentStatus;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and responses of readiness assessments. */
public final class AssessmentApi {

    private AssessmentApi() {}

    @Schema(name = "CreateAssessmentRequest")
    public record CreateRequest(
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

    @Schema(name = "ScoreRequest", description = "One indicator's score, 1.0 to 5.0 with one decimal, and its evidence")
    public record ScoreRequest(
            @NotNull
            @DecimalMin("1.0")
            @DecimalMax("5.0")
            @Digits(integer = 1, fraction = 1, message = "must have at most one decimal")
            @Schema(examples = "3.5", minimum = "1.0", maximum = "5.0")
            BigDecimal score,

            @Size(max = 4000)
            @Schema(maxLength = 4000, examples = "Peraturan Bupati tentang Masterplan Smart City 2024")
            String evidence,

            @Size(max = 10)
            @Schema(
                    description = "http(s) links to documents; the server stores them and never fetches them",
                    maxItems = 10)
            List<@NotBlank @Size(max = 2000) String> links) {}

    @Schema(name = "AssessmentTransitionRequest")
    public record TransitionRequest(
            @NotNull AssessmentStatus to,

            @Size(max = 500) @Schema(description = "Required to send an assessment back to DRAFT", maxLength = 500)
            String reason) {}

    @Schema(name = "FrameworkRef")
    public record FrameworkRef(
            @Schema(examples = "READINESS", pattern = FrameworkDefinition.CODE, maxLength = 40)
            String code,

            @Schema(examples = "1", minimum = "1", maximum = SchemaLimits.INT32_MAX)
            int version) {}

    @Schema(name = "IndicatorScore")
    public record ScoreResponse(
            @Schema(pattern = FrameworkDefinition.CODE, maxLength = 40)
            String indicatorCode,

            BigDecimal score,
            @Schema(maxLength = 4000) String evidence,
            @Schema(maxItems = 10) List<@Size(max = 2000) String> links) {}

    @Schema(name = "ReadinessAssessment")
    public record Response(
            UUID id,

            @Schema(pattern = SchemaLimits.REGION_CODE, maxLength = 5)
            String regionCode,

            FrameworkRef framework,

            @Schema(pattern = SchemaLimits.PERIOD, maxLength = 7)
            String period,

            AssessmentStatus status,
            @Schema(maxLength = 500) String statusReason,

            @Schema(description = "Token subject of who submitted it", maxLength = 255)
            String submittedBy,

            OffsetDateTime submittedAt,

            @Schema(description = "Token subject of who verified it: never the submitter", maxLength = 255)
            String verifiedBy,

            OffsetDateTime verifiedAt,

            @Schema(maxItems = FrameworkDefinition.MAX_INDICATORS)
            List<ScoreResponse> scores,

            @Schema(minimum = "0", maximum = "" + FrameworkDefinition.MAX_INDICATORS)
            int scored,

            @Schema(minimum = "1", maximum = "" + FrameworkDefinition.MAX_INDICATORS)
            int total,

            @Schema(description = "Version, also the ETag", minimum = "0", maximum = SchemaLimits.INT64_MAX)
            long version,

            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}
}
