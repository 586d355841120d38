package id.smartcity.platform.persistence;

import java.util.Map;

/**
 * A JPQL condition and its named parameters, built one condition at a time: a search starts from
 * the region's rows ({@link RegionScopedRepository#where}) and narrows them by each filter that
 * the request gives.
 */
public final class Where {

    private final StringBuilder jpql;
    private final Map<String, Object> params;

    Where(String condition, Map<String, Object> params) {
        this.jpql = new StringBuilder(condition);
        this.params = params;
    }

    /** Narrows by {@code condition}, binding {@code :name} to {@code value}, when the value is given. */
    public Where and(String name, String condition, Object value) {
        if (value != null) {
            jpql.append(" and ").append(condition);
            params.put(name, value);
        }
        return this;
    }

    /** Narrows to the rows whose {@code searchText} contains {@code q} ({@link TextSearch}), when given. */
    public Where matching(String q) {
        return and("q", "searchText like :q escape '\\'", q == null ? null : TextSearch.containing(q));
    }

    public String jpql() {
        return jpql.toString();
    }

    public Map<String, Object> params() {
        return params;
    }
}
