package id.smartcity.region;

import id.smartcity.region.api.BodyEntry;
import id.smartcity.region.api.CoordinatorEntry;
import id.smartcity.region.api.RegionResponse;
import id.smartcity.region.api.UpdateRegionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;

@ApplicationScoped
public class RegionMapper {

    // Listed in the enums' order (the order of the decree and of the national movement).
    private static final Comparator<Region.Body> BY_BODY = Comparator.comparing(b -> b.body);
    private static final Comparator<Region.Coordinator> BY_DIMENSION = Comparator.comparing(c -> c.dimension);

    public RegionResponse toResponse(Region r) {
        return new RegionResponse(
                r.code,
                r.name,
                r.type,
                r.province,
                r.cohortYear,
                bodies(r),
                coordinators(r),
                r.version,
                r.createdAt,
                r.updatedAt);
    }

    /** The writable state, which a merge patch is applied to. */
    public UpdateRegionRequest toUpdate(Region r) {
        return new UpdateRegionRequest(r.name, r.type, r.province, r.cohortYear, bodies(r), coordinators(r));
    }

    /** Copies a full update onto the entity; collections are replaced only when they differ. */
    public void apply(UpdateRegionRequest u, Region r) {
        r.name = u.name().strip();
        r.type = u.type();
        r.province = u.province().strip();
        r.cohortYear = u.cohortYear();
        List<Region.Body> bodies = nullToEmpty(u.smartCityBodies()).stream()
                .map(b -> new Region.Body(b.body(), blankToNull(b.decreeNumber()), blankToNull(b.description())))
                .sorted(BY_BODY)
                .toList();
        if (!bodies.equals(r.bodies.stream().sorted(BY_BODY).toList())) {
            r.bodies.clear();
            r.bodies.addAll(bodies);
        }
        List<Region.Coordinator> coordinators = nullToEmpty(u.dimensionCoordinators()).stream()
                .map(c -> new Region.Coordinator(c.dimension(), c.agency().strip()))
                .sorted(BY_DIMENSION)
                .toList();
        if (!coordinators.equals(r.coordinators.stream().sorted(BY_DIMENSION).toList())) {
            r.coordinators.clear();
            r.coordinators.addAll(coordinators);
        }
    }

    private static List<BodyEntry> bodies(Region r) {
        return r.bodies.stream()
                .sorted(BY_BODY)
                .map(b -> new BodyEntry(b.body, b.decreeNumber, b.description))
                .toList();
    }

    private static List<CoordinatorEntry> coordinators(Region r) {
        return r.coordinators.stream()
                .sorted(BY_DIMENSION)
                .map(c -> new CoordinatorEntry(c.dimension, c.agency))
                .toList();
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
