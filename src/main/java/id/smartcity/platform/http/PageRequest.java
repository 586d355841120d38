package id.smartcity.platform.http;

import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import io.quarkus.panache.common.Sort;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validated paging: offset, limit (default 20, at most 100) and a sort on an allow-list of API
 * field names mapped to entity paths. The sort always ends on a unique tie-breaker so pages never
 * overlap.
 */
public record PageRequest(int offset, int limit, Sort sort) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 1_000_000;

    /** Sort fields whose API names are their entity paths too, in the order they are documented. */
    public static Map<String, String> sortable(String... fields) {
        Map<String, String> paths = new LinkedHashMap<>();
        for (String field : fields) {
            paths.put(field, field);
        }
        return Collections.unmodifiableMap(paths);
    }

    /**
     * @param sortable API field name to entity path, in the order they are documented
     * @param defaultSort the sort used when none is asked for, e.g. {@code "name"}
     * @param tieBreaker unique entity path appended last
     */
    public static PageRequest of(
            PageParams params, Map<String, String> sortable, String defaultSort, String tieBreaker) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int offset = parse("offset", params.offset, 0, 0, MAX_OFFSET, errors);
        int limit = parse("limit", params.limit, DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        Sort sort = null;
        String requested = params.sort == null || params.sort.isBlank() ? defaultSort : params.sort;
        Set<String> seen = new LinkedHashSet<>();
        Set<String> paths = new LinkedHashSet<>();
        for (String part : requested.split(",", -1)) {
            String field = part.trim();
            boolean descending = field.startsWith("-");
            if (descending) {
                field = field.substring(1);
            }
            String path = sortable.get(field);
            if (path == null || !seen.add(field)) {
                errors.add(new Problem.FieldError(
                        "sort",
                        path == null
                                ? "cannot sort on '" + field + "'; allowed: "
                                        + String.join(", ", new TreeSet<>(sortable.keySet()))
                                : "names '" + field + "' twice"));
                continue;
            }
            paths.add(path);
            Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
            sort = sort == null ? Sort.by(path, direction) : sort.and(path, direction);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (!paths.contains(tieBreaker)) {
            sort = sort.and(tieBreaker, Sort.Direction.Ascending);
        }
        return new PageRequest(offset, limit, sort);
    }

    /**
     * How many rows a CSV export holds: the page's {@code limit} when the request gave one (the
     * same rows as the JSON page), otherwise every matching row from {@code offset} on, up to
     * {@code max}. Exports page like their JSON lists; without {@code limit} they stream the lot.
     */
    public int exportRows(PageParams params, int max) {
        return params.limit == null || params.limit.isEmpty() ? max : limit;
    }

    private static int parse(String name, String raw, int fallback, int min, int max, List<Problem.FieldError> errors) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                errors.add(new Problem.FieldError(name, "must be between " + min + " and " + max));
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(name, "must be an integer"));
            return fallback;
        }
    }
}
