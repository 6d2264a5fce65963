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

    /** {@code SESSION_IDLE_TIMEOUT}: a session nobody refreshes for this long ends (and so does each refresh token). */
    @WithDefault("P30D")
    Duration refreshTokenTtl();

    /** {@code SESSION_MAX_LIFETIME}: a session ends this long after sign-in however active; then sign in again. */
    @WithDefault("P90D")
    Duration sessionMaxLifetime();

    /** {@code JWT_AUDIENCE}: the {@code aud} claim set in and required of every access token. */
    @WithDefault("todo-service")
    String audience();
}
