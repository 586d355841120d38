package id.smartcity.quickwin;

import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Paging;
import id.smartcity.quickwin.api.KpiResponse;
import id.smartcity.quickwin.api.MilestoneResponse;
import id.smartcity.quickwin.api.ProgressReportResponse;
import id.smartcity.quickwin.api.QuickWinResponse;
import id.smartcity.quickwin.api.QuickWinTransitionResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The read side of quick wins: lists and representations with their derived numbers. The quick
 * win a part list belongs to is found first ({@link QuickWinService#find}), in the path's region.
 */
@ApplicationScoped
public class QuickWinQueries {

    @Inject
    QuickWinRepository quickWins;

    @Inject
    QuickWinMapper mapper;

    /** One page of the region's quick wins. */
    public Page<QuickWinResponse> page(String regionCode, QuickWinFilter filter, PageRequest page) {
        return Paging.pageOfRows(quickWins.search(regionCode, filter, page.sort()), page, this::responses);
    }

    /** At most {@code rows} quick wins from the page's offset on, for an export. */
    public List<QuickWinResponse> export(String regionCode, QuickWinFilter filter, PageRequest page, int rows) {
        return responses(quickWins
                .search(regionCode, filter, page.sort())
                .range(page.offset(), page.offset() + rows - 1)
                .list());
    }

    /**
     * The quick win of the region with its derived numbers, read in one statement, and its
     * version for the ETag; 404 when the caller may not see it there.
     */
    public QuickWinResponse read(String regionCode, UUID id) {
        QuickWinRepository.Read r = quickWins.readInRegion(regionCode, id).orElseThrow(() -> quickWins.notFound(id));
        return mapper.toResponse(r.quickWin(), r.derived());
    }

    /** The quick win with its derived progress and realised budget. */
    public QuickWinResponse response(QuickWin q) {
        return mapper.toResponse(q, quickWins.derived(q.id));
    }

    public Page<QuickWinTransitionResponse> transitions(QuickWin q, PageRequest page) {
        return Paging.page(quickWins.transitions(q.id, page.sort()), page, mapper::toResponse);
    }

    public Page<MilestoneResponse> milestones(QuickWin q, PageRequest page) {
        return Paging.page(quickWins.milestones(q.id, page.sort()), page, mapper::toResponse);
    }

    public Page<ProgressReportResponse> reports(QuickWin q, PageRequest page) {
        return Paging.page(quickWins.reports(q.id, page.sort()), page, mapper::toResponse);
    }

    public Page<KpiResponse> kpis(QuickWin q, PageRequest page) {
        return Paging.page(quickWins.kpis(q.id, page.sort()), page, mapper::toResponse);
    }

    /** Responses for a page, with the derived numbers of all its rows in one query. */
    private List<QuickWinResponse> responses(List<QuickWin> rows) {
        Map<UUID, QuickWinRepository.Derived> derived =
                quickWins.derived(rows.stream().map(q -> q.id).collect(Collectors.toList()));
        return rows.stream()
                .map(q -> mapper.toResponse(q, derived.getOrDefault(q.id, QuickWinRepository.Derived.NONE)))
                .toList();
    }
}
