package id.smartcity.dimension;

import id.smartcity.dimension.api.DimensionResponse;
import id.smartcity.platform.http.LocalizedText;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DimensionMapper {

    public DimensionResponse toResponse(Dimension d) {
        return new DimensionResponse(
                DimensionCode.valueOf(d.code),
                d.position,
                new LocalizedText(d.nameId, d.nameEn),
                new LocalizedText(d.descriptionId, d.descriptionEn),
                d.elements.stream()
                        .map(e -> new DimensionResponse.ElementResponse(e.code, new LocalizedText(e.nameId, e.nameEn)))
                        .toList());
    }
}
