package dev.todoapp.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the service runs and who may call it. */
@ConfigMapping(prefix = "service")
public interface ServiceConfig {

    /** {@code ENVIRONMENT}; "production" turns on the production behaviour and checks. */
    @WithDefault("local")
    String environment();

    /** {@code FRONTEND_URL}: the UI origins; CORS allows exactly these, links use the first. */
    List<String> frontendUrls();

    /** The most an API request may take; past it the client gets a 503 (a hung database must not hang clients). */
    @WithDefault("15s")
    Duration requestTimeout();

    default boolean production() {
        return "production".equalsIgnoreCase(environment());
    }

    /** The base of links in emails: the first UI origin, never the request's Host header. */
    default String publicFrontendUrl() {
        return frontendUrls().get(0).replaceAll("/+$", "");
    }
}
