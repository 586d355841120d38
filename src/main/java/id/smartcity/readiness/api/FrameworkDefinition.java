package id.smartcity.readiness.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a framework version scores: pillars (weight) of indicators (weight, a description for each
 * level 1-5), the names of the five levels, and the bands that turn an index into a predicate.
 * Scores are on the scale 1.0-5.0.
 */
@Schema(name = "FrameworkDefinition")
public record FrameworkDefinition(
        @NotNull @Size(min = 5, max = 5) @Schema(description = "Names of levels 1 to 5", minItems = 5, maxItems = 5)
        List<@NotBlank @Size(max = 100) String> levelNames,

        @NotEmpty @Size(max = 20) List<@NotNull @Valid Pillar> pillars,

        @NotEmpty
        @Size(max = 10)
        @Schema(
                description = "In increasing order: a band covers [previous upTo, upTo); the last one must end at"
                        + " 5.0, which it includes")
        List<@NotNull @Valid Band> bands) {

    public static final String CODE = "^[A-Z][A-Z0-9_]{0,39}$";

    /** At most 20 pillars of at most 50 indicators. */
    public static final int MAX_INDICATORS = 1000;

    @Schema(name = "FrameworkPillar")
    public record Pillar(
            @NotNull
            @Pattern(regexp = CODE, message = "must be UPPER_SNAKE_CASE, at most 40 characters")
            @Schema(examples = "STRUKTUR", maxLength = 40)
            String code,

            @NotNull @Valid LocalizedName name,

            @NotNull
            @DecimalMin(value = "0", inclusive = false)
            @Digits(integer = 6, fraction = 6)
            @Schema(examples = "1")
            BigDecimal weight,

            @NotEmpty @Size(max = 50) List<@NotNull @Valid Indicator> indicators) {}

    @Schema(name = "FrameworkIndicator")
    public record Indicator(
            @NotNull
            @Pattern(regexp = CODE, message = "must be UPPER_SNAKE_CASE, at most 40 characters")
            @Schema(examples = "SDM", maxLength = 40)
            String code,

            @NotNull @Valid LocalizedName name,

            @NotNull
            @DecimalMin(value = "0", inclusive = false)
            @Digits(integer = 6, fraction = 6)
            @Schema(examples = "1")
            BigDecimal weight,

            @NotNull
            @Size(min = 5, max = 5)
            @Schema(description = "What each level 1 to 5 means", minItems = 5, maxItems = 5)
            List<@NotBlank @Size(max = 500) String> levels) {}

    @Schema(name = "FrameworkBandDefinition")
    public record Band(
            @NotNull
            @DecimalMin(value = "1.0", inclusive = false)
            @DecimalMax("5.0")
            @Digits(integer = 1, fraction = 2)
            @Schema(examples = "1.8")
            BigDecimal upTo,

            @NotNull @Valid LocalizedName predicate) {}
}
