package id.smartcity.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.function.Function;

/** Runs a Panache query for one page and maps its rows to representations. */
public final class Paging {

    private Paging() {}

    public static <E, R> Page<R> page(PanacheQuery<E> query, PageRequest page, Function<E, R> mapper) {
        long total = query.count();
        var items = total <= page.offset()
                ? java.util.List.<R>of()
                : query.range(page.offset(), page.offset() + page.limit() - 1).list().stream()
                        .map(mapper)
                        .toList();
        return new Page<>(items, page.offset(), page.limit(), total);
    }
}
