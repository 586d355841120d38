package id.smartcity.bimtek.api;

import id.smartcity.dimension.DimensionCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable details of a stage: the body of POST, and what a PATCH merges into. */
@Schema(name = "BimtekStageRequest")
public record BimtekStageRequest(
        @NotNull @Min(2017) @Max(2100) @Schema(description = "The region's cohort year", examples = "2024")
        Integer cohortYear,

        @NotNull
        @Min(1)
        @Max(4)
        @Schema(description = "Stage 1-4; one stage of each number per region and cohort year", examples = "2")
        Integer stageNumber,

        @NotBlank @Size(max = 200) @Schema(examples = "Bimtek Smart City Tahap II", maxLength = 200)
        String title,

        @NotNull
        @Size(min = 1, max = 5)
        @Schema(description = "Day 1, 2, … in order, dates strictly increasing", minItems = 1, maxItems = 5)
        List<@NotNull @Valid Day> days,

        @Size(max = 200) @Schema(examples = "Gedung Ardilawet, Kompleks Setda Purbalingga", maxLength = 200)
        String venue,

        @Size(max = 10) @Schema(description = "Absent or null: none", maxItems = 10)
        List<@NotNull @Valid Facilitator> facilitators,

        @Size(max = 30)
        @Schema(
                description = "Absent or null: the default outputs of the stage number (see the developer docs)",
                maxItems = 30)
        List<@NotNull @Valid ExpectedOutput> expectedOutputs) {

    @Schema(name = "BimtekDay")
    public record Day(
            @NotNull @Min(1) @Max(5) @Schema(description = "1 for the first day", examples = "1")
            Integer day,

            @NotNull @Schema(examples = "2024-07-11") LocalDate date) {}

    @Schema(name = "BimtekFacilitator")
    public record Facilitator(
            @NotBlank @Size(max = 200) @Schema(examples = "Tim Narasumber Gerakan Menuju Smart City", maxLength = 200)
            String name,

            @Schema(description = "A stakeholder of the same region, if the facilitator is one")
            UUID stakeholderId) {}

    @Schema(name = "BimtekExpectedOutput")
    public record ExpectedOutput(
            @Schema(description = "The dimension it is for; absent for the whole region")
            DimensionCode dimension,

            @NotBlank @Size(max = 500) @Schema(examples = "Analisis strategis dimensi", maxLength = 500)
            String description) {}
}
