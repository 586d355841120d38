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
 * What a framework version scores: its scale (lowest and highest score, decimals a score may carry,
 * how the index is shown), its levels (any number, each naming a range of scores, or none), pillars
 * (weight) of indicators (weight, a description for each level), and the bands that turn an index
 * into a predicate. Without {@code scale} and {@code levels}, a version means what every version
 * meant before scales were data: 1-5 with one decimal and five levels named by {@code levelNames}.
 */
@Schema(name = "FrameworkDefinition")
public record FrameworkDefinition(
        @NotNull
        @Size(max = MAX_LEVELS)
        @Schema(
                description = "Names of the levels, lowest first. With `levels`: empty or their names (answers"
                        + " always carry their names). Without `levels`: the names of the whole-number levels of the"
                        + " scale (1 to 5 without a scale)",
                maxItems = MAX_LEVELS)
        List<@NotBlank @Size(max = 100) String> levelNames,

        @NotEmpty @Size(max = 20) List<@NotNull @Valid Pillar> pillars,

        @NotEmpty
        @Size(max = 10)
        @Schema(
                description = "In increasing order: a band covers [previous upTo, upTo), the first from the scale's"
                        + " minimum; the last one must end at the scale's maximum, which it includes")
        List<@NotNull @Valid Band> bands,

        @Valid @Schema(description = "Absent: 1-5, one decimal, the index shown half-up to two decimals")
        FrameworkScale scale,

        @Size(max = MAX_LEVELS)
        @Schema(
                description = "The levels, lowest first, each naming the scores from..to (both included), not"
                        + " overlapping; may be empty. Absent: made from levelNames",
                maxItems = MAX_LEVELS)
        List<@NotNull @Valid FrameworkLevel> levels) {

    /** A definition as v1.0 clients send it: the scale and levels of before. */
    public FrameworkDefinition(List<String> levelNames, List<Pillar> pillars, List<Band> bands) {
        this(levelNames, pillars, bands, null, null);
    }

    public static final int MAX_LEVELS = 20;

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
            @Size(max = MAX_LEVELS)
            @Schema(description = "What each level of the framework means, lowest first", maxItems = MAX_LEVELS)
            List<@NotBlank @Size(max = 500) String> levels) {}

    @Schema(name = "FrameworkBandDefinition")
    public record Band(
            @NotNull
            @DecimalMin(value = "0", inclusive = false)
            @DecimalMax("1000")
            @Digits(integer = 4, fraction = 4)
            @Schema(examples = "1.8")
            BigDecimal upTo,

            @NotNull @Valid LocalizedName predicate) {}
}
