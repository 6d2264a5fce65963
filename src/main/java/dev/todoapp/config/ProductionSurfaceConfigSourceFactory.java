package dev.todoapp.config;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * What production does not serve: Swagger UI (an interactive console is attack surface, and the
 * contract says so). The OpenAPI document stays published. Decided at startup from ENVIRONMENT.
 */
public class ProductionSurfaceConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue environment = context.getValue("service.environment");
        if (environment == null || !"production".equalsIgnoreCase(environment.getValue())) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(Map.of("quarkus.swagger-ui.enabled", "false"), "ENVIRONMENT=production", 275));
    }
}
