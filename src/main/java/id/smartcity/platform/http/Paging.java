package id.smartcity.platform.http;

import id.smartcity.platform.persistence.Search;
import java.util.List;
import java.util.function.Function;

/** Runs a search for one page (its total, then the page's rows) and maps the rows to representations. */
public final class Paging {

    private Paging() {}

    public static <E, R> Page<R> page(Search<E> search, PageRequest page, Function<E, R> mapper) {
        return pageOfRows(search, page, rows -> rows.stream().map(mapper).toList());
    }

    /** The same, for representations that need one extra query for the whole page (not one per row). */
    public static <E, R> Page<R> pageOfRows(Search<E> search, PageRequest page, Function<List<E>, List<R>> mapper) {
        long total = search.total().getAsLong();
        List<R> items = total <= page.offset()
                ? List.of()
                : mapper.apply(search.rows()
                        .range(page.offset(), page.offset() + page.limit() - 1)
                        .list());
        return new Page<>(items, page.offset(), page.limit(), total);
    }
}
