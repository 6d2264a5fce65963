package dev.todoapp.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Signing and lifetime of access and refresh tokens. */
@ConfigMapping(prefix = "jwt")
public interface JwtConfig {

    /** {@code JWT_SECRET_KEY}: the HS256 secret, at least 32 characters. */
    String secret();

    @WithDefault("todo-service")
    String issuer();

    @WithDefault("PT15M")
    Duration accessTokenTtl();

    @WithDefault("P30D")
    Duration refreshTokenTtl();
}
