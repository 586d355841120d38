package id.smartcity.masterplan.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a masterplan version. */
@Schema(
        name = "MasterplanRequest",
        description = "The writable fields: the body of POST, and what a PATCH merges into. Without copyOf, title and"
                + " startYear are required; with copyOf, absent fields are taken from the version copied.")
public record MasterplanRequest(
        @Size(max = 200) @Schema(examples = "Masterplan Smart City Kabupaten Purbalingga 2025-2034", maxLength = 200)
        String title,

        @Size(max = 2000) @Schema(examples = "Purbalingga cerdas, melayani, dan berdaya saing", maxLength = 2000)
        String vision,

        @Size(max = 20) @Schema(description = "The mission items, in order", maxItems = 20)
        List<@NotBlank @Size(max = 1000) String> mission,

        @Min(2017)
        @Max(2091)
        @Schema(
                description = "First year of the ten the plan covers",
                examples = "2025",
                minimum = "2017",
                maximum = "2091")
        Integer startYear,

        @Size(max = 60) @Schema(description = "Goals per dimension", maxItems = 60)
        List<@NotNull @Valid GoalItem> goals,

        @Schema(
                description = "Only on creation: the id of a version of the same region to copy (its programs"
                        + " too; the copy is a DRAFT)")
        UUID copyOf) {}
