package id.smartcity.platform.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Hits and misses of an in-memory cache, exported as one counter with a {@code result} tag
 * ({@code hit} or {@code miss}), e.g. {@code smartcity_dashboard_cache_total{result="hit"}}.
 */
public record CacheCounters(Counter hits, Counter misses) {

    public static CacheCounters register(MeterRegistry registry, String name, String description) {
        return new CacheCounters(
                Counter.builder(name)
                        .tag("result", "hit")
                        .description(description)
                        .register(registry),
                Counter.builder(name)
                        .tag("result", "miss")
                        .description(description)
                        .register(registry));
    }

    /** Counts one lookup; answers whether it was a hit. */
    public boolean count(boolean hit) {
        (hit ? hits : misses).increment();
        return hit;
    }
}
