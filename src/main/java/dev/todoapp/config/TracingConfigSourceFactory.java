package dev.todoapp.config;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Tracing is on exactly when there is somewhere to send it: OTEL_EXPORTER_OTLP_ENDPOINT (the standard
 * OpenTelemetry variable) set turns the SDK on and points the OTLP exporter at it; unset, the SDK stays
 * off and no span is made. Decided at startup; QUARKUS_OTEL_* variables still override.
 */
public class TracingConfigSourceFactory implements ConfigSourceFactory {

    static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue endpoint = context.getValue(ENDPOINT);
        boolean set = endpoint != null && endpoint.getValue() != null && !endpoint.getValue().isBlank();
        Map<String, String> settings = set
                ? Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.exporter.otlp.endpoint", endpoint.getValue().trim())
                : Map.of("quarkus.otel.sdk.disabled", "true");
        return List.of(new PropertiesConfigSource(settings, ENDPOINT + (set ? " set" : " unset"), 275));
    }
}
