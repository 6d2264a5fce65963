package dev.todoapp.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "password-reset")
public interface PasswordResetConfig {

    /** {@code PASSWORD_RESET_TTL}: how long a reset link works. */
    @WithDefault("PT1H")
    Duration ttl();
}
