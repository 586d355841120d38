package id.smartcity.changes;

import java.util.List;
import java.util.Set;

/**
 * What a caller asks of the feed, resolved while the request is in scope, so that a long poll can
 * read again later on any thread.
 *
 * @param after the chain position the caller has seen everything up to
 * @param limit at most this many events (0: every event up to the head)
 * @param types the event types wanted; empty for all
 * @param regionCode only this region's events, or null
 * @param scopeClause the caller's region scope on {@code region_code} (RegionScope.sql)
 * @param scopeParams its parameters
 * @param visibleRegions the regions the caller sees, or null for all
 */
public record ChangeQuery(
        long after,
        int limit,
        Set<ChangeType> types,
        String regionCode,
        String scopeClause,
        List<Object> scopeParams,
        Set<String> visibleRegions) {

    public ChangeQuery after(long position) {
        return new ChangeQuery(position, limit, types, regionCode, scopeClause, scopeParams, visibleRegions);
    }

    /** Whether an event of this region (null: none) may be in this query's answer. */
    public boolean interestedIn(String eventRegion) {
        if (regionCode != null) {
            return regionCode.equals(eventRegion);
        }
        return eventRegion == null || visibleRegions == null || visibleRegions.contains(eventRegion);
    }
}
