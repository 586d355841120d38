package id.smartcity.dimension.api;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.http.LocalizedText;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Dimension", description = "A Smart City dimension and its elements")
public record DimensionResponse(
        DimensionCode code,

        @Schema(
                description = "Order in which the national movement lists the dimensions",
                examples = "1",
                minimum = "1",
                maximum = "6")
        int position,

        LocalizedText name,
        LocalizedText description,
        @Schema(maxItems = 20) List<ElementResponse> elements) {

    @Schema(name = "DimensionElement")
    public record ElementResponse(
            @Schema(examples = "PUBLIC_SERVICES", pattern = "^[A-Z][A-Z0-9_]*$", maxLength = 48)
            String code,

            LocalizedText name) {}
}
