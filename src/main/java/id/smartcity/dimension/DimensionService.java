package id.smartcity.dimension;

import id.smartcity.dimension.api.DimensionResponse;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Paging;
import id.smartcity.platform.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The six dimensions: reference data, read only. */
@ApplicationScoped
public class DimensionService {

    @Inject
    DimensionRepository dimensions;

    @Inject
    DimensionMapper mapper;

    /** One page of the dimensions, with their elements. */
    public Page<DimensionResponse> list(PageRequest page) {
        return Paging.page(dimensions.findAll(page.sort()), page, mapper::toResponse);
    }

    /** One dimension with its elements; 404 for an unknown code. */
    public DimensionResponse get(String code) {
        return dimensions
                .findByIdOptional(code)
                .map(mapper::toResponse)
                .orElseThrow(() -> ApiException.notFound("Dimension " + code));
    }
}
