package dev.todoapp.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "email-verification")
public interface EmailVerificationConfig {

    /** {@code EMAIL_VERIFICATION_TTL}: how long a verification or email-change link works. */
    @WithDefault("PT24H")
    Duration ttl();

    /** How long an account that was never verified is kept before it is deleted. */
    @WithDefault("P7D")
    Duration unverifiedLifetime();
}
