package dev.todoapp.config;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

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

    /**
     * {@code PASSWORD_HASH_THREADS}: how many Argon2id hashes (19 MiB of heap each) may run at once;
     * default one per CPU, but no more than fit in half the heap. Hashing is CPU-bound, so
     * more threads only add memory, not speed.
     */
    OptionalInt passwordHashThreads();

    /**
     * {@code PASSWORD_HASH_QUEUE}: sign-ins, sign-ups and password changes that may wait for a hashing
     * thread; past that they get a 503 with Retry-After instead of piling up until the heap is gone.
     */
    @WithDefault("64")
    int passwordHashQueue();

    default boolean production() {
        return "production".equalsIgnoreCase(environment());
    }

    /** The base of links in emails: the first UI origin, never the request's Host header. */
    default String publicFrontendUrl() {
        return frontendUrls().get(0).replaceAll("/+$", "");
    }
}
