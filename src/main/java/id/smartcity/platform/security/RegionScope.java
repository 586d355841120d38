package id.smartcity.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;

/**
 * The regions the caller may see, from the token's {@code region_codes} claim. {@code admin} sees
 * every region, and so does an {@code auditor} whose token has no region claim; everybody else
 * sees only the regions named in the claim (none without it).
 *
 * <p>This is the one helper that region-scoped repositories use to filter in the query itself:
 * {@link #jpql(String, Map)} adds the condition, so a row of another region is never loaded and
 * is answered as 404 like a row that does not exist.
 */
@RequestScoped
public class RegionScope {

    public static final String CLAIM = "region_codes";

    @Inject
    SecurityIdentity identity;

    private Set<String> regions;
    private boolean unrestricted;
    private boolean resolved;

    /** True when the caller sees every region. */
    public boolean unrestricted() {
        resolve();
        return unrestricted;
    }

    /** The regions the caller sees; meaningful only when not {@link #unrestricted()}. */
    public Set<String> regions() {
        resolve();
        return regions;
    }

    /**
     * A JPQL condition restricting {@code regionPath} to the caller's regions, binding its
     * parameter into {@code params}: {@code "1 = 1"} when unrestricted, {@code "1 = 0"} when the
     * caller has no region.
     */
    public String jpql(String regionPath, Map<String, Object> params) {
        if (unrestricted()) {
            return "1 = 1";
        }
        if (regions().isEmpty()) {
            return "1 = 0";
        }
        params.put("scopeRegions", regions());
        return regionPath + " in :scopeRegions";
    }

    /**
     * The condition every region-scoped repository starts its queries with: the row belongs to
     * {@code regionCode} (the path's region) and that region is one the caller may see.
     */
    public String inRegion(String regionCode, Map<String, Object> params) {
        return is("regionCode", regionCode, "region", params);
    }

    /**
     * {@code regionPath} is {@code regionCode}, bound as {@code param}, and that region is one the
     * caller may see. Whether the caller sees one given region is known before the query, so it
     * is written into the query as a constant ({@code 1 = 0} when not): the same rows as
     * {@code regionPath in :scopeRegions}, without a list parameter, which would keep Hibernate
     * from reusing the query's translation to SQL.
     */
    public String is(String regionPath, String regionCode, String param, Map<String, Object> params) {
        params.put(param, regionCode);
        return regionPath + " = :" + param + (sees(regionCode) ? "" : " and 1 = 0");
    }

    /** Whether the caller may see this region. */
    public boolean sees(String regionCode) {
        return unrestricted() || regions().contains(regionCode);
    }

    /**
     * The same restriction for plain SQL (streaming readers): {@code column = ANY(?)} with the
     * region array appended to {@code params}.
     */
    public String sql(String column, java.util.List<Object> params) {
        if (unrestricted()) {
            return "TRUE";
        }
        if (regions().isEmpty()) {
            return "FALSE";
        }
        params.add(regions().toArray(String[]::new));
        return column + " = ANY(?)";
    }

    /**
     * {@link #is} for plain SQL: {@code column = ?} (the path's region, bound by the caller) and,
     * when the caller may not see that region, {@code AND FALSE} — a constant statement either way.
     */
    public String sqlIs(String column, String regionCode) {
        return column + " = ?" + (sees(regionCode) ? "" : " AND FALSE");
    }

    private void resolve() {
        if (resolved) {
            return;
        }
        resolved = true;
        Caller caller = Caller.of(identity);
        regions = caller.regions();
        unrestricted = identity.hasRole(Roles.ADMIN) || (identity.hasRole(Roles.AUDITOR) && !caller.regionClaim());
    }
}
