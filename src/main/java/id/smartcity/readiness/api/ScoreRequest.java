package id.smartcity.readiness.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One indicator's score and its evidence. */
@Schema(
        name = "ScoreRequest",
        description = "One indicator's score and its evidence. The score lies on the framework version's scale"
                + " with at most its decimals (1.0 to 5.0 with one decimal for a version without a scale)")
public record ScoreRequest(
        @NotNull
        @DecimalMin("0")
        @Schema(
                description = "On the framework version's scale (definition.scale), e.g. 3.5 on 1-5 with one"
                        + " decimal, 3.31 on 0-5 with two",
                examples = "3.5",
                minimum = "0")
        BigDecimal score,

        @Size(max = 4000) @Schema(maxLength = 4000, examples = "Peraturan Bupati tentang Masterplan Smart City 2024")
        String evidence,

        @Size(max = 10)
        @Schema(
                description = "http(s) links to documents; the server stores them and never fetches them",
                maxItems = 10)
        List<@NotBlank @Size(max = 2000) String> links) {}
