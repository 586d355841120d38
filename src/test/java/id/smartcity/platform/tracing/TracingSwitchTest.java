package id.smartcity.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Traces are off unless an OTLP endpoint is configured; a setting of the switch's own properties wins. */
class TracingSwitchTest {

    /** The project's mapping of the standard variable (application.properties). */
    private static final Map<String, String> APPLICATION =
            Map.of("quarkus.otel.exporter.otlp.endpoint", "${OTEL_EXPORTER_OTLP_ENDPOINT:}");

    private static SmallRyeConfig config(Map<String, String> application, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(application, "application.properties", 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(new TracingSwitch())
                // Quarkus's own defaults, below everything
                .withDefaultValue(TracingSwitch.SDK_DISABLED, "false")
                .withDefaultValue(TracingSwitch.JDBC_TELEMETRY, "true")
                .build();
    }

    private static boolean sdkDisabled(SmallRyeConfig config) {
        return config.getValue(TracingSwitch.SDK_DISABLED, Boolean.class);
    }

    private static boolean jdbcTelemetry(SmallRyeConfig config) {
        return config.getValue(TracingSwitch.JDBC_TELEMETRY, Boolean.class);
    }

    @Test
    void withoutAnEndpointTheSdkAndTheJdbcWrapperAreOff() {
        SmallRyeConfig config = config(APPLICATION, Map.of());
        assertEquals(true, sdkDisabled(config));
        assertEquals(false, jdbcTelemetry(config));
    }

    @Test
    void theStandardVariableTurnsThemOn() {
        SmallRyeConfig config = config(APPLICATION, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"));
        assertEquals(false, sdkDisabled(config));
        assertEquals(true, jdbcTelemetry(config));
    }

    @Test
    void aBlankEndpointIsNone() {
        assertEquals(true, sdkDisabled(config(APPLICATION, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "))));
    }

    @Test
    void quarkusOwnEndpointPropertiesTurnThemOnToo() {
        assertEquals(
                false,
                sdkDisabled(config(
                        Map.of(), Map.of("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318"))));
        assertEquals(
                false,
                sdkDisabled(config(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317"), Map.of())));
    }

    @Test
    void anExplicitSettingWinsOverTheSwitch() {
        // The test profile: tracing on with an in-memory exporter and no endpoint.
        SmallRyeConfig on = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withProfile("test")
                .withSources(new PropertiesConfigSource(
                        Map.of(
                                "%test.quarkus.otel.sdk.disabled", "false",
                                "%test.quarkus.datasource.jdbc.telemetry.enabled", "true"),
                        "application.properties",
                        250))
                .withSources(new TracingSwitch())
                .build();
        assertEquals(false, sdkDisabled(on));
        assertEquals(true, jdbcTelemetry(on));
        // And an operator can turn it off with an endpoint configured.
        SmallRyeConfig off = config(
                APPLICATION,
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317", "QUARKUS_OTEL_SDK_DISABLED", "true"));
        assertEquals(true, sdkDisabled(off));
    }
}
