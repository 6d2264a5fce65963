package dev.todoapp.account.rest;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.todoapp.common.DatabaseErrors;
import dev.todoapp.common.EmailAddress;
import dev.todoapp.config.RateLimitConfig;
import dev.todoapp.http.ClientAddress;
import dev.todoapp.http.RateLimiter;
import dev.todoapp.http.SharedRateLimiter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Which limits apply to which /api/auth route (RATE_LIMIT_*, README: Rate limits). Per client address
 * in memory; per account, address typed or user in PostgreSQL, shared by every instance. Each method
 * counts one attempt or refuses with 429. Keys are built only from valid input: an address outside
 * the email rule is refused (422) before it can become one.
 */
@ApplicationScoped
public class AuthRateLimits {

    private final RateLimiter local;
    private final SharedRateLimiter shared;
    private final ClientAddress clientAddress;
    private final RateLimitConfig limits;

    public AuthRateLimits(RateLimiter local, SharedRateLimiter shared, ClientAddress clientAddress, RateLimitConfig limits) {
        this.local = local;
        this.shared = shared;
        this.clientAddress = clientAddress;
        this.limits = limits;
    }

    /** Per address too: nobody can flood one inbox with verification mails or "someone tried" notices. */
    Uni<Void> register(HttpServerRequest http, String rawEmail) {
        local.consume("register-ip", clientAddress.of(http), limits.registerPerIp());
        String address = EmailAddress.normalized(EmailAddress.valid("email", rawEmail));
        return shared.consume("register-address", address, limits.registerPerAddress());
    }

    Uni<Void> resend(HttpServerRequest http, String rawEmail) {
        local.consume("resend-ip", clientAddress.of(http), limits.resendPerIp());
        String address = EmailAddress.normalized(EmailAddress.valid("email", rawEmail));
        return shared.consume("resend-address", address, limits.resendPerAddress());
    }

    /** Each request mails two inboxes, one of them chosen by the caller. */
    Uni<Void> emailChange(UUID userId) {
        return shared.consume("email-change-user", userId.toString(), limits.emailChangePerUser());
    }

    /**
     * Per address, then per account from this address (the tight limit) and per account from anywhere
     * (a looser ceiling): someone guessing elsewhere exhausts their own account-and-address budget long
     * before the owner's, so they cannot lock the owner out, and guessing from many addresses stays bounded.
     */
    Uni<Void> login(HttpServerRequest http, String rawEmail) {
        String ip = clientAddress.of(http);
        local.consume("login-ip", ip, limits.loginPerIp());
        String account = EmailAddress.normalized(EmailAddress.valid("email", rawEmail));
        return shared.consume("login-account-ip", account + '\u0000' + ip, limits.loginPerAccountAndIp())
                .flatMap(ignored -> shared.consume("login-account", account, limits.loginPerAccount()));
    }

    /**
     * The per-address limit holds across instances: the mailbox is the thing to protect. While the
     * database is unreachable the request is still answered 202 (the mail is issued once it is back).
     */
    Uni<Void> forgot(HttpServerRequest http, String rawEmail) {
        local.consume("forgot-ip", clientAddress.of(http), limits.forgotPerIp());
        String address = EmailAddress.normalized(EmailAddress.valid("email", rawEmail));
        return shared.consume("forgot-address", address, limits.forgotPerAddress())
                .onFailure(DatabaseErrors::isUnavailable).recoverWithNull();
    }

    void reset(HttpServerRequest http) {
        local.consume("reset-ip", clientAddress.of(http), limits.resetPerIp());
    }

    /** Password change and account deletion check the current password: a stolen access token must not guess at leisure. */
    Uni<Void> passwordCheck(UUID userId) {
        return shared.consume("password-check-user", userId.toString(), limits.passwordCheckPerUser());
    }
}
