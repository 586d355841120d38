package id.smartcity.region;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.audit.AuditTrail;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.MergePatch;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Paging;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import id.smartcity.region.api.BodyEntry;
import id.smartcity.region.api.CoordinatorEntry;
import id.smartcity.region.api.CreateRegionRequest;
import id.smartcity.region.api.RegionResponse;
import id.smartcity.region.api.UpdateRegionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

@ApplicationScoped
public class RegionService {

    @Inject
    RegionRepository regions;

    @Inject
    RegionMapper mapper;

    @Inject
    MergePatch mergePatch;

    @Inject
    AuditTrail audit;

    /** One page of the regions the caller may see, matching {@code q} and of the type when given. */
    public Page<RegionResponse> list(String q, RegionType type, PageRequest page) {
        return Paging.page(regions.listVisible(q, type, page.sort()), page, mapper::toResponse);
    }

    /** A region the caller may see; 404 otherwise. */
    public Region find(String code) {
        return regions.findVisible(code).orElseThrow(() -> ApiException.notFound("Region " + code));
    }

    /** Creates a region; 409 when the code is taken. */
    @Transactional
    public RegionResponse create(CreateRegionRequest request) {
        UpdateRegionRequest state = new UpdateRegionRequest(
                request.name(),
                request.type(),
                request.province(),
                request.cohortYear(),
                request.smartCityBodies(),
                request.dimensionCoordinators());
        checkUnique(state);
        if (regions.existsAnywhere(request.code())) {
            throw ApiException.conflict("Region " + request.code() + " already exists");
        }
        Region region = new Region();
        region.code = request.code();
        mapper.apply(state, region);
        regions.persist(region);
        audit.created(Region.AUDIT_TYPE, region.code, region.code, mapper.toUpdate(region));
        return mapper.toResponse(region);
    }

    /**
     * Applies a JSON Merge Patch. {@code ifMatch}, when given, must name the current version (412
     * otherwise); a patch that changes nothing leaves the version as it is.
     */
    @Transactional
    public RegionResponse patch(String code, String ifMatch, JsonNode patch) {
        Region region = regions.lockedVisible(code).orElseThrow(() -> ApiException.notFound("Region " + code));
        ETags.checkIfMatch(ifMatch, region.version);
        UpdateRegionRequest before = mapper.toUpdate(region);
        UpdateRegionRequest state = mergePatch.apply(before, patch, UpdateRegionRequest.class);
        checkUnique(state);
        mapper.apply(state, region);
        // Flushes the change, so the version below is the new one.
        audit.updated(Region.AUDIT_TYPE, region.code, region.code, before, mapper.toUpdate(region));
        regions.flush();
        return mapper.toResponse(region);
    }

    private static void checkUnique(UpdateRegionRequest state) {
        List<Problem.FieldError> errors = new ArrayList<>();
        duplicates("smartCityBodies", "body", state.smartCityBodies(), BodyEntry::body, errors);
        duplicates(
                "dimensionCoordinators",
                "dimension",
                state.dimensionCoordinators(),
                CoordinatorEntry::dimension,
                errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static <T> void duplicates(
            String list, String field, List<T> items, Function<T, Object> key, List<Problem.FieldError> errors) {
        if (items == null) {
            return;
        }
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(key.apply(items.get(i)))) {
                errors.add(new Problem.FieldError(
                        list + "[" + i + "]." + field, "is listed more than once: " + key.apply(items.get(i))));
            }
        }
    }
}
