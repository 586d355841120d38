package id.smartcity.masterplan.api;

import id.smartcity.masterplan.MasterplanStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A move of a masterplan version through its workflow. */
@Schema(name = "MasterplanTransitionRequest")
public record MasterplanTransitionRequest(
        @NotNull MasterplanStatus to,

        @Size(max = 500)
        @Schema(description = "Required to send a version back from IN_REVIEW to DRAFT", maxLength = 500)
        String reason,

        @Size(max = 200)
        @Schema(
                description = "Required to enact: the regional head's regulation",
                examples = "Peraturan Bupati Purbalingga Nomor 45 Tahun 2024",
                maxLength = 200)
        String regulationNumber,

        @Schema(description = "Required to enact: the regulation's date", examples = "2024-12-20")
        LocalDate regulationDate) {}
