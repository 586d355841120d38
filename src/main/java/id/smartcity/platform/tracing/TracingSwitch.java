package id.smartcity.platform.tracing;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Traces are off unless an OTLP endpoint is configured. Quarkus would otherwise export to
 * {@code localhost:4317} whenever the extension is present, and log a failure for every batch
 * where no collector listens. Without an endpoint this source turns the SDK off ({@value
 * #SDK_DISABLED}, a run-time property) and the JDBC wrapper too ({@value #JDBC_TELEMETRY}: the
 * datasource then hands out its connections unwrapped).
 *
 * <p>Its ordinal is below every source a person writes to (application.properties 250, {@code
 * .env} 295, the environment 300, system properties 400) and above Quarkus's own defaults, so
 * setting either property anywhere wins over it: the test profile turns the SDK on explicitly, with
 * an in-memory exporter and no endpoint. Registered in {@code
 * META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public class TracingSwitch implements ConfigSourceFactory {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String JDBC_TELEMETRY = "quarkus.datasource.jdbc.telemetry.enabled";

    /** Where the endpoint can be set; application.properties maps OTEL_EXPORTER_OTLP_ENDPOINT to the first. */
    static final List<String> ENDPOINTS =
            List.of("quarkus.otel.exporter.otlp.endpoint", "quarkus.otel.exporter.otlp.traces.endpoint");

    static final String NAME = "TracingSwitch";
    static final int ORDINAL = 100;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ENDPOINTS.stream().anyMatch(name -> present(context.getValue(name)))) {
            return List.of();
        }
        return List.of(
                new PropertiesConfigSource(Map.of(SDK_DISABLED, "true", JDBC_TELEMETRY, "false"), NAME, ORDINAL));
    }

    private static boolean present(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
