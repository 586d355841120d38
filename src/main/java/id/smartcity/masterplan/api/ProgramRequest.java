package id.smartcity.masterplan.api;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.masterplan.Horizon;
import id.smartcity.quickwin.FundingSource;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a masterplan program. */
@Schema(
        name = "ProgramRequest",
        description = "The writable fields: the body of POST, and what a PATCH merges into. Years: SHORT within the"
                + " plan's first 2 years, MEDIUM within its first 5, LONG within its 10 (422 naming the field).")
public record ProgramRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Mal Pelayanan Publik Digital", maxLength = 200)
        String title,

        @Size(max = 4000) @Schema(maxLength = 4000) String description,
        @NotNull DimensionCode dimension,

        @NotBlank
        @Size(max = 48)
        @Pattern(regexp = "^[A-Z][A-Z_]*$", message = "must be an element code such as PUBLIC_SERVICES")
        @Schema(
                description = "One of the dimension's elements (GET /dimensions/{code})",
                examples = "PUBLIC_SERVICES",
                pattern = "^[A-Z][A-Z_]*$",
                maxLength = 48)
        String element,

        @NotNull Horizon horizon,

        @NotNull @Min(2017) @Max(2100) @Schema(examples = "2025", minimum = "2017", maximum = "2100")
        Integer startYear,

        @NotNull @Min(2017) @Max(2100) @Schema(examples = "2026", minimum = "2017", maximum = "2100")
        Integer endYear,

        @Schema(description = "The lead agency: a stakeholder of the same region")
        UUID leadStakeholderId,

        @Size(max = 20) @Schema(type = SchemaType.ARRAY, implementation = UUID.class, maxItems = 20)
        List<@NotNull UUID> partnerStakeholderIds,

        @Size(max = 10)
        @Schema(description = "Indicative budget per year, each year once, within the program's years", maxItems = 10)
        List<@NotNull @Valid BudgetYear> budget,

        @NotNull FundingSource fundingSource,

        @Size(max = 20) @Schema(maxItems = 20) List<@NotNull @Valid OutputIndicator> indicators,

        @Schema(description = "The FGD session it came from: same region and dimension")
        UUID fgdSessionId,

        @Schema(
                description = "SHORT programs only: the quick win that delivers it (same region and dimension; one"
                        + " program per quick win in a version)")
        UUID quickWinId) {}
