package dev.todoapp.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Turns {@code DATABASE_URL} (the URI Neon shows) into the datasource properties, so nobody has to
 * split it by hand. Invalid values produce no properties; {@link ProductionSettings} reports them.
 */
public class DatabaseUrlConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue("DATABASE_URL");
        if (value == null || value.getValue() == null || value.getValue().isBlank()) {
            return List.of();
        }
        DatabaseUrl url;
        try {
            url = DatabaseUrl.parse(value.getValue());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.datasource.reactive.url", url.reactiveUrl());
        properties.put("quarkus.datasource.jdbc.url", url.jdbcUrl());
        properties.put("quarkus.datasource.username", url.username());
        if (url.password() != null) {
            properties.put("quarkus.datasource.password", url.password());
        }
        properties.put("quarkus.datasource.reactive.postgresql.ssl-mode", url.reactiveSslMode());
        properties.put("quarkus.datasource.reactive.trust-all", Boolean.toString(url.trustAllCertificates()));
        if (url.reactiveSslMode().equals("verify-full")) {
            properties.put("quarkus.datasource.reactive.hostname-verification-algorithm", "HTTPS");
        }
        properties.put("local-database.enabled", "false");
        // above application.properties (250), below explicit system properties and env (300+)
        return List.of(new PropertiesConfigSource(properties, "DATABASE_URL", 275));
    }
}
