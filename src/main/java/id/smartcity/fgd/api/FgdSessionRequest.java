package id.smartcity.fgd.api;

import id.smartcity.dimension.DimensionCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable details of a session: the body of POST and PUT, and what a PATCH merges into. */
@Schema(name = "FgdSessionRequest")
public record FgdSessionRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "FGD Smart Governance", maxLength = 200)
        String title,

        @NotNull DimensionCode dimension,

        @NotNull @Min(1) @Max(4) @Schema(description = "Bimtek stage, 1-4", examples = "2")
        Integer bimtekStage,

        @NotNull @Min(1) @Max(10) @Schema(description = "Day of the Bimtek stage", examples = "1")
        Integer bimtekDay,

        @NotNull @Schema(examples = "2024-07-11T09:00:00+07:00")
        OffsetDateTime scheduledStart,

        @NotNull @Schema(description = "After scheduledStart", examples = "2024-07-11T12:00:00+07:00")
        OffsetDateTime scheduledEnd,

        @Size(max = 200) @Schema(examples = "Gedung Ardilawet, Kompleks Setda Purbalingga", maxLength = 200)
        String venue,

        @Schema(description = "A stakeholder of the same region who facilitates")
        UUID facilitatorStakeholderId,

        @Size(max = 200) @Schema(description = "Or a facilitator's name, as free text", maxLength = 200)
        String facilitatorName,

        @Size(max = 4000) @Schema(maxLength = 4000) String agenda,

        @Schema(
                description = "The Bimtek stage (of the same region) the session is held in; its stage number must"
                        + " equal bimtekStage")
        UUID bimtekStageId) {}
