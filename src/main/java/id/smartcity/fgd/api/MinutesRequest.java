package id.smartcity.fgd.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FgdMinutesRequest")
public record MinutesRequest(
        @NotBlank @Size(max = 20000) @Schema(maxLength = 20000)
        String summary,

        @Size(max = 100) @Schema(maxItems = 100) List<@NotNull @Valid DecisionEntry> decisions) {

    @Schema(name = "FgdDecision")
    public record DecisionEntry(
            @NotBlank
            @Size(max = 1000)
            @Schema(
                    examples = "Quick win: integrated public complaint service (SP4N-LAPOR) in every OPD",
                    maxLength = 1000)
            String text,

            @Size(max = 200) @Schema(examples = "Dinkominfo", maxLength = 200)
            String responsible) {}
}
