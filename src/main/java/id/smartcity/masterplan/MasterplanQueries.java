package id.smartcity.masterplan;

import id.smartcity.dimension.DimensionCode;
import id.smartcity.masterplan.api.MasterplanResponse;
import id.smartcity.masterplan.api.ProgramResponse;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** The read side of masterplans: lists and representations. */
@ApplicationScoped
public class MasterplanQueries {

    @Inject
    MasterplanRepository masterplans;

    @Inject
    MasterplanMapper mapper;

    public Page<MasterplanResponse> page(String regionCode, MasterplanFilter filter, PageRequest page) {
        return Paging.pageOfRows(masterplans.search(regionCode, filter, page.sort()), page, rows -> {
            Map<java.util.UUID, Long> counts =
                    masterplans.programCounts(rows.stream().map(m -> m.id).toList());
            return rows.stream()
                    .map(m -> mapper.toResponse(m, counts.getOrDefault(m.id, 0L)))
                    .toList();
        });
    }

    public MasterplanResponse response(Masterplan m) {
        return mapper.toResponse(m, masterplans.programCounts(List.of(m.id)).getOrDefault(m.id, 0L));
    }

    public Page<ProgramResponse> programs(Masterplan m, DimensionCode dimension, Horizon horizon, PageRequest page) {
        return Paging.page(masterplans.programs(m, dimension, horizon, page.sort()), page, mapper::toResponse);
    }

    public ProgramResponse response(Program p) {
        return mapper.toResponse(p);
    }
}
