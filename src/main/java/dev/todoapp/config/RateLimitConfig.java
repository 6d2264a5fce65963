package dev.todoapp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits as "requests/ISO-8601 duration", e.g. "20/PT1M". */
@ConfigMapping(prefix = "rate-limit")
public interface RateLimitConfig {

    @WithDefault("20/PT1M")
    String loginPerIp();

    @WithDefault("10/PT5M")
    String loginPerAccount();

    @WithDefault("10/PT1H")
    String registerPerIp();

    @WithDefault("10/PT15M")
    String forgotPerIp();

    @WithDefault("3/PT15M")
    String forgotPerAddress();

    @WithDefault("20/PT15M")
    String resetPerIp();

    @WithDefault("5/PT15M")
    String registerPerAddress();

    @WithDefault("10/PT15M")
    String resendPerIp();

    @WithDefault("3/PT15M")
    String resendPerAddress();

    @WithDefault("5/PT1H")
    String emailChangePerUser();
}
