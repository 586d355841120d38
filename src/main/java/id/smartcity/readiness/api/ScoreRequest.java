package id.smartcity.readiness.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One indicator's score and its evidence. */
@Schema(name = "ScoreRequest", description = "One indicator's score, 1.0 to 5.0 with one decimal, and its evidence")
public record ScoreRequest(
        @NotNull
        @DecimalMin("1.0")
        @DecimalMax("5.0")
        @Digits(integer = 1, fraction = 1, message = "must have at most one decimal")
        @Schema(examples = "3.5", minimum = "1.0", maximum = "5.0")
        BigDecimal score,

        @Size(max = 4000) @Schema(maxLength = 4000, examples = "Peraturan Bupati tentang Masterplan Smart City 2024")
        String evidence,

        @Size(max = 10)
        @Schema(
                description = "http(s) links to documents; the server stores them and never fetches them",
                maxItems = 10)
        List<@NotBlank @Size(max = 2000) String> links) {}
