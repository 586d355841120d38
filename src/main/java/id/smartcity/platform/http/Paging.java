package id.smartcity.platform.http;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/** Runs a Panache query for one page and maps its rows to representations. */
public final class Paging {

    private Paging() {}

    public static <E, R> Page<R> page(PanacheQuery<E> query, PageRequest page, Function<E, R> mapper) {
        return pageOfRows(query, page, rows -> rows.stream().map(mapper).toList());
    }

    /** The same, for representations that need one extra query for the whole page (not one per row). */
    public static <E, R> Page<R> pageOfRows(
            PanacheQuery<E> query, PageRequest page, Function<List<E>, List<R>> mapper) {
        long total = query.count();
        List<R> items = total <= page.offset()
                ? List.of()
                : mapper.apply(query.range(page.offset(), page.offset() + page.limit() - 1)
                        .list());
        return new Page<>(items, page.offset(), page.limit(), total);
    }
}
