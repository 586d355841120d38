package id.smartcity.dimension;

import id.smartcity.dimension.api.DimensionResponse;
import id.smartcity.platform.http.Localized;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DimensionMapper {

    public DimensionResponse toResponse(Dimension d) {
        return new DimensionResponse(
                DimensionCode.valueOf(d.code),
                d.position,
                new Localized(d.nameId, d.nameEn),
                new Localized(d.descriptionId, d.descriptionEn),
                d.elements.stream()
                        .map(e -> new DimensionResponse.ElementResponse(e.code, new Localized(e.nameId, e.nameEn)))
                        .toList());
    }
}
