package dev.todoapp.account.rest;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.todoapp.common.EmailAddress;
import dev.todoapp.config.RateLimitConfig;
import dev.todoapp.http.ClientAddress;
import dev.todoapp.http.RateLimiter;
import dev.todoapp.http.RateLimiter.Limit;
import io.vertx.core.http.HttpServerRequest;

/**
 * Which limits apply to which /api/auth route (RATE_LIMIT_*): per client address, and where guessing
 * targets one account, per address typed. Each method takes one attempt or refuses with 429.
 */
@ApplicationScoped
public class AuthRateLimits {

    private final RateLimiter limiter;
    private final Limit loginPerIp;
    private final Limit loginPerAccount;
    private final Limit registerPerIp;
    private final Limit forgotPerIp;
    private final Limit forgotPerAddress;
    private final Limit resetPerIp;
    private final Limit registerPerAddress;
    private final Limit resendPerIp;
    private final Limit resendPerAddress;
    private final Limit emailChangePerUser;

    public AuthRateLimits(RateLimiter limiter, RateLimitConfig limits) {
        this.limiter = limiter;
        this.loginPerIp = Limit.parse(limits.loginPerIp());
        this.loginPerAccount = Limit.parse(limits.loginPerAccount());
        this.registerPerIp = Limit.parse(limits.registerPerIp());
        this.forgotPerIp = Limit.parse(limits.forgotPerIp());
        this.forgotPerAddress = Limit.parse(limits.forgotPerAddress());
        this.resetPerIp = Limit.parse(limits.resetPerIp());
        this.registerPerAddress = Limit.parse(limits.registerPerAddress());
        this.resendPerIp = Limit.parse(limits.resendPerIp());
        this.resendPerAddress = Limit.parse(limits.resendPerAddress());
        this.emailChangePerUser = Limit.parse(limits.emailChangePerUser());
    }

    /** Per address too: nobody can flood one inbox with verification mails or "someone tried" notices. */
    void register(HttpServerRequest http, String rawEmail) {
        limiter.consume("register-ip", ClientAddress.of(http), registerPerIp);
        if (EmailAddress.isValid(rawEmail)) {
            limiter.consume("register-address", EmailAddress.normalized(rawEmail), registerPerAddress);
        }
    }

    void resend(HttpServerRequest http, String rawEmail) {
        limiter.consume("resend-ip", ClientAddress.of(http), resendPerIp);
        if (EmailAddress.isValid(rawEmail)) {
            limiter.consume("resend-address", EmailAddress.normalized(rawEmail), resendPerAddress);
        }
    }

    /** Each request mails two inboxes, one of them chosen by the caller. */
    void emailChange(UUID userId) {
        limiter.consume("email-change-user", userId.toString(), emailChangePerUser);
    }

    /** Per account too, whatever the address looks like: guessing one password from many IPs is still bounded. */
    void login(HttpServerRequest http, String rawEmail) {
        limiter.consume("login-ip", ClientAddress.of(http), loginPerIp);
        if (rawEmail != null && !rawEmail.isBlank()) {
            limiter.consume("login-account", EmailAddress.normalized(rawEmail), loginPerAccount);
        }
    }

    /** An address outside the email rule is refused by the service; it gets no bucket of its own. */
    void forgot(HttpServerRequest http, String rawEmail) {
        limiter.consume("forgot-ip", ClientAddress.of(http), forgotPerIp);
        if (EmailAddress.isValid(rawEmail)) {
            limiter.consume("forgot-address", EmailAddress.normalized(rawEmail), forgotPerAddress);
        }
    }

    void reset(HttpServerRequest http) {
        limiter.consume("reset-ip", ClientAddress.of(http), resetPerIp);
    }
}
