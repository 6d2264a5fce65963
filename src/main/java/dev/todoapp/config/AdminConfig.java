package dev.todoapp.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Operator endpoints on the management port (docs/operations.md: Undeliverable mail). */
@ConfigMapping(prefix = "admin")
public interface AdminConfig {

    /** {@code ADMIN_TOKEN}: the bearer token they require; unset, they are not served at all (404). */
    Optional<String> token();
}
