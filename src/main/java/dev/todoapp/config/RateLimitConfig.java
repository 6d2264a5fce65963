package dev.todoapp.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import org.eclipse.microprofile.config.spi.Converter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/**
 * Limits as "requests/ISO-8601 duration", e.g. "20/PT1M" ({@code RATE_LIMIT_*}); a malformed value
 * stops startup with a message naming the setting. Per address: in memory, per instance. Per account
 * or user: in PostgreSQL, shared by every instance (README: Rate limits).
 */
@ConfigMapping(prefix = "rate-limit")
public interface RateLimitConfig {

    /** {@code requests} per {@code per}. */
    record Limit(int requests, Duration per) {
        public static Limit parse(String value) {
            String[] parts = value.split("/", 2);
            try {
                Limit limit = new Limit(Integer.parseInt(parts[0].trim()), Duration.parse(parts[1].trim()));
                if (limit.requests() > 0 && limit.per().toMillis() > 0) {
                    return limit;
                }
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException | DateTimeParseException e) {
                // reported below, with the expected form
            }
            throw new IllegalArgumentException("a rate limit must be \"requests/ISO-8601 duration\" with both above zero, e.g. 20/PT1M");
        }
    }

    final class LimitConverter implements Converter<Limit> {
        @Override
        public Limit convert(String value) {
            return Limit.parse(value);
        }
    }

    /** {@code RATE_LIMIT_LOGIN_PER_IP}: sign-ins from one client address (memory). */
    @WithDefault("20/PT1M")
    @WithConverter(LimitConverter.class)
    Limit loginPerIp();

    /** {@code RATE_LIMIT_LOGIN_PER_ACCOUNT_AND_IP}: sign-ins to one account from one address (PostgreSQL). */
    @WithDefault("10/PT5M")
    @WithConverter(LimitConverter.class)
    Limit loginPerAccountAndIp();

    /**
     * {@code RATE_LIMIT_LOGIN_PER_ACCOUNT}: sign-ins to one account from anywhere (PostgreSQL); a looser
     * ceiling, so guessing from many addresses stays bounded while one attacker cannot lock the owner out.
     */
    @WithDefault("100/PT1H")
    @WithConverter(LimitConverter.class)
    Limit loginPerAccount();

    /** {@code RATE_LIMIT_REGISTER_PER_IP} (memory). */
    @WithDefault("10/PT1H")
    @WithConverter(LimitConverter.class)
    Limit registerPerIp();

    /** {@code RATE_LIMIT_FORGOT_PER_IP} (memory). */
    @WithDefault("10/PT15M")
    @WithConverter(LimitConverter.class)
    Limit forgotPerIp();

    /** {@code RATE_LIMIT_FORGOT_PER_ADDRESS}: reset mails to one address (PostgreSQL). */
    @WithDefault("3/PT15M")
    @WithConverter(LimitConverter.class)
    Limit forgotPerAddress();

    /** {@code RATE_LIMIT_RESET_PER_IP} (memory). */
    @WithDefault("20/PT15M")
    @WithConverter(LimitConverter.class)
    Limit resetPerIp();

    /** {@code RATE_LIMIT_PASSWORD_CHECK_PER_USER}: password change and account deletion per signed-in user (PostgreSQL). */
    @WithDefault("10/PT15M")
    @WithConverter(LimitConverter.class)
    Limit passwordCheckPerUser();

    /** {@code RATE_LIMIT_MAX_KEYS}: the most per-address buckets one instance keeps in memory. */
    @WithDefault("100000")
    int maxKeys();

    /** {@code RATE_LIMIT_REGISTER_PER_ADDRESS}: sign-ups for one address, each mails it (PostgreSQL). */
    @WithDefault("5/PT15M")
    @WithConverter(LimitConverter.class)
    Limit registerPerAddress();

    /** {@code RATE_LIMIT_RESEND_PER_IP}: verification resends from one client address (memory). */
    @WithDefault("10/PT15M")
    @WithConverter(LimitConverter.class)
    Limit resendPerIp();

    /** {@code RATE_LIMIT_RESEND_PER_ADDRESS}: verification resends to one address (PostgreSQL). */
    @WithDefault("3/PT15M")
    @WithConverter(LimitConverter.class)
    Limit resendPerAddress();

    /** {@code RATE_LIMIT_EMAIL_CHANGE_PER_USER}: email-change requests per signed-in user (PostgreSQL). */
    @WithDefault("5/PT1H")
    @WithConverter(LimitConverter.class)
    Limit emailChangePerUser();
}
