package id.smartcity.platform.http;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Latency buckets for {@code http_server_requests_seconds} (per route template and status), so that
 * Prometheus can compute percentiles across instances ({@code histogram_quantile} over
 * {@code _bucket}: the Grafana board and the p99 alert in {@code deploy/monitoring}). A dozen fixed
 * buckets, not Micrometer's seventy: few series per route.
 */
@Singleton
public class HttpMetrics {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    /** Upper bounds, 5 ms to 10 s: what a person notices, and the alert's 1 s. */
    static final Duration[] BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .map(Duration::ofMillis)
            .toArray(Duration[]::new);

    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        double[] nanos = Stream.of(BUCKETS).mapToDouble(Duration::toNanos).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(nanos)
                        .build()
                        .merge(config);
            }
        };
    }
}
