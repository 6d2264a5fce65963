package dev.todoapp.account.service;

import static dev.todoapp.account.service.StoredTime.now;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.todoapp.account.PasswordResetToken;
import dev.todoapp.account.mail.AccountMails;
import dev.todoapp.account.repository.PasswordResetTokenRepository;
import dev.todoapp.account.repository.UserRepository;
import dev.todoapp.common.DomainException;
import dev.todoapp.common.EmailAddress;
import dev.todoapp.common.ErrorCode;
import dev.todoapp.config.PasswordResetConfig;
import dev.todoapp.mail.MailQueue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Forgot-password and reset. The request never reveals whether an address has an account: it is
 * answered before the account is even looked up, unknown addresses still cost the same statements (a
 * decoy token row), and nobody waits for a mail server — the mail goes to the outbox in the token's
 * transaction.
 */
@ApplicationScoped
public class PasswordResetService {

    private static final Logger LOG = Logger.getLogger(PasswordResetService.class);
    /** Base64url of 32 bytes is 43 characters; anything far longer is not ours. */
    private static final int MAX_TOKEN_LENGTH = 100;

    private final UserRepository users;
    private final PasswordResetTokenRepository resetTokens;
    private final AccountService accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final TokenService tokens;
    private final AccountMails mails;
    private final MailQueue mailQueue;
    private final BackgroundWork background;
    private final Duration ttl;

    public PasswordResetService(UserRepository users, PasswordResetTokenRepository resetTokens, AccountService accounts,
                                PasswordHasher hasher, PasswordPolicy passwordPolicy, TokenService tokens,
                                AccountMails mails, MailQueue mailQueue, BackgroundWork background, PasswordResetConfig config) {
        this.users = users;
        this.resetTokens = resetTokens;
        this.accounts = accounts;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.tokens = tokens;
        this.mails = mails;
        this.mailQueue = mailQueue;
        this.background = background;
        this.ttl = config.ttl();
    }

    /**
     * Answers as soon as the input has passed validation. The lookup, token and mail
     * follow in the background (one transaction, retried while the database is unreachable), so
     * neither the database nor the mail server can make a known address answer differently from an
     * unknown one.
     */
    public Uni<Void> forgot(String rawEmail) {
        String normalized = EmailAddress.normalized(EmailAddress.valid("email", rawEmail));
        background.start("Forgot-password", EmailAddress.masked(normalized), () -> issueToken(normalized));
        return Uni.createFrom().voidItem();
    }

    /** Stores a token and queues its mail when the address has an account; a spent decoy row when not. */
    private Uni<Void> issueToken(String normalizedEmail) {
        String token = tokens.opaqueToken();
        OffsetDateTime now = now();
        return Panache.withTransaction(() -> users.findByEmailForUpdate(normalizedEmail).flatMap(user -> {
            // an unknown address runs the same statements: a random owner id matches no tokens, and
            // its row is born spent, so it can never be used
            UUID owner = user == null ? UUID.randomUUID() : user.getId();
            PasswordResetToken row = new PasswordResetToken(TokenService.sha256(token), user == null ? null : user.getId(),
                    now, now.plus(ttl));
            return resetTokens.supersedeAll(owner, now)
                    .flatMap(ignored -> resetTokens.persist(row))
                    .flatMap(ignored -> user == null ? Uni.createFrom().item(false)
                            : mailQueue.enqueue(mails.passwordReset(user.getEmail(), token, now, ttl)).replaceWith(true));
        })).invoke(queued -> {
            if (queued) {
                mailQueue.sendPending();
            }
        }).replaceWithVoid();
    }

    /** When the token is usable: its expiry. Otherwise 400 invalid_reset_token. */
    public Uni<OffsetDateTime> verify(String token) {
        byte[] hash = hashOf(token);
        OffsetDateTime now = now();
        return Panache.withSession(() -> resetTokens.findById(hash)).map(row -> usable(row, now).getExpiresAt());
    }

    /** Sets the password, spends the token, ends every session and queues a "password changed" notice. */
    public Uni<Void> reset(String token, String newPassword) {
        byte[] hash = hashOf(token);
        passwordPolicy.check("newPassword", newPassword);
        // a cheap read first, so a dead link costs no Argon2 hash
        return Panache.withSession(() -> resetTokens.findById(hash)).map(row -> usable(row, now()))
                .flatMap(ignored -> hasher.hash(newPassword))
                .flatMap(passwordHash -> Panache.withTransaction(() -> {
                    OffsetDateTime now = now();
                    // the conditional update decides races: of two resets with one token, one wins
                    return resetTokens.spend(hash, now).flatMap(spent -> {
                        if (spent == 0) {
                            throw invalidResetToken();
                        }
                        return resetTokens.findById(hash);
                    }).flatMap(row -> accounts.replacePassword(row.getUserId(), passwordHash))
                            .flatMap(user -> resetTokens.supersedeAll(user.getId(), now)
                                    .flatMap(ignored -> mailQueue.enqueue(mails.passwordChanged(user.getEmail(), now)))
                                    .invoke(() -> LOG.infof("Password reset for %s; every session ended",
                                            EmailAddress.masked(user.getEmail()))));
                }))
                .invoke(mailQueue::sendPending);
    }

    @Scheduled(every = "1h", delayed = "5m")
    Uni<Void> deleteExpiredTokens() {
        return Panache.withTransaction(() -> resetTokens.deleteExpiredBefore(now().minusDays(1))).replaceWithVoid();
    }

    private static PasswordResetToken usable(PasswordResetToken row, OffsetDateTime now) {
        if (row == null || !row.usableAt(now)) {
            throw invalidResetToken();
        }
        return row;
    }

    private static byte[] hashOf(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw invalidResetToken();
        }
        return TokenService.sha256(token);
    }

    private static DomainException invalidResetToken() {
        return new DomainException(ErrorCode.INVALID_RESET_TOKEN,
                "This password reset link is invalid, expired or already used; request a new one");
    }
}
