package id.smartcity.region.api;

import id.smartcity.region.SmartCityBody;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SmartCityBodyEntry", description = "One of the region's Smart City bodies")
public record BodyEntry(
        @NotNull SmartCityBody body,

        @Size(max = 100) @Schema(examples = "Keputusan Bupati Purbalingga Nomor 000/000/2024", maxLength = 100)
        String decreeNumber,

        @Size(max = 500) @Schema(maxLength = 500) String description) {}
