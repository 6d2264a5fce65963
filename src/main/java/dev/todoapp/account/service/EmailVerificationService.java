package dev.todoapp.account.service;

import static dev.todoapp.account.service.StoredTime.now;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.todoapp.account.EmailToken;
import dev.todoapp.account.User;
import dev.todoapp.account.mail.AccountMails;
import dev.todoapp.account.repository.EmailTokenRepository;
import dev.todoapp.account.repository.UserRepository;
import dev.todoapp.common.DatabaseErrors;
import dev.todoapp.common.DomainException;
import dev.todoapp.common.EmailAddress;
import dev.todoapp.common.ErrorCode;
import dev.todoapp.config.EmailVerificationConfig;
import dev.todoapp.mail.MailQueue;
import dev.todoapp.mail.OutgoingMail;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Sign-up with a verified address, and moving an account to a new address. Register and resend never
 * reveal whether an address has an account: they answer before the lookup (the rest runs as
 * {@link BackgroundWork}), the password is hashed in every case, and a decoy token row keeps the
 * statements the same when there is no link to send.
 */
@ApplicationScoped
public class EmailVerificationService {

    private static final Logger LOG = Logger.getLogger(EmailVerificationService.class);
    /** Base64url of 32 bytes is 43 characters; anything far longer is not ours. */
    private static final int MAX_TOKEN_LENGTH = 100;
    /** pg_try_advisory_xact_lock key of the clean-up job, so one instance runs it at a time. */
    private static final long CLEANUP_LOCK = 0x7665726966790001L;

    private final UserRepository users;
    private final EmailTokenRepository emailTokens;
    private final AccountService accounts;
    private final SessionService sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final TokenService tokens;
    private final AccountMails mails;
    private final MailQueue mailQueue;
    private final BackgroundWork background;
    private final Duration ttl;
    private final Duration unverifiedLifetime;

    public EmailVerificationService(UserRepository users, EmailTokenRepository emailTokens, AccountService accounts,
                                    SessionService sessions, PasswordHasher hasher, PasswordPolicy passwordPolicy,
                                    TokenService tokens, AccountMails mails, MailQueue mailQueue, BackgroundWork background,
                                    EmailVerificationConfig config) {
        this.users = users;
        this.emailTokens = emailTokens;
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.tokens = tokens;
        this.mails = mails;
        this.mailQueue = mailQueue;
        this.background = background;
        this.ttl = config.ttl();
        this.unverifiedLifetime = config.unverifiedLifetime();
    }

    /**
     * Answers once the input has passed validation. In the background: a new address gets an unverified
     * account and a link; a pending one gets this registration's password and name and a fresh link (older
     * links stop working); a verified account gets a "someone tried to sign up" notice and nothing changes.
     */
    public Uni<Void> register(String rawEmail, String password, String rawName) {
        String email = EmailAddress.valid("email", rawEmail);
        String name = AccountService.validName(rawName);
        passwordPolicy.check("password", password);
        background.start("Register", EmailAddress.masked(email),
                () -> hasher.hash(password).flatMap(hash -> storeRegistration(email, name, hash)));
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> storeRegistration(String email, String name, String passwordHash) {
        String token = tokens.opaqueToken();
        OffsetDateTime now = now();
        return sendAfterCommit(Panache.withTransaction(() -> users.findByEmailForUpdate(EmailAddress.normalized(email))
                .flatMap(user -> {
                    if (user == null) {
                        // two sign-ups racing for one new address: the unique index refuses one, whose retry
                        // then finds the account
                        User created = new User(email, name, passwordHash, now);
                        return users.persistAndFlush(created)
                                .flatMap(ignored -> verificationLink(created.getId(), token, now))
                                .replaceWith(mails.verifyEmail(email, token, now, ttl));
                    }
                    if (!user.isEmailVerified()) {
                        user.replaceRegistration(name, passwordHash, now);
                        return verificationLink(user.getId(), token, now).replaceWith(mails.verifyEmail(user.getEmail(), token, now, ttl));
                    }
                    return verificationLink(null, token, now).replaceWith(mails.accountExists(user.getEmail()));
                })
                .call(mailQueue::enqueue)));
    }

    /** Answers at once; a still-unverified account gets a fresh link (older ones stop working), any other address nothing. */
    public Uni<Void> resend(String rawEmail) {
        String normalized = EmailAddress.normalized(EmailAddress.valid("email", rawEmail));
        background.start("Resend-verification", EmailAddress.masked(normalized), () -> {
            String token = tokens.opaqueToken();
            OffsetDateTime now = now();
            return sendAfterCommit(Panache.withTransaction(() -> users.findByEmailForUpdate(normalized).flatMap(user -> {
                boolean pending = user != null && !user.isEmailVerified();
                return verificationLink(pending ? user.getId() : null, token, now)
                        .flatMap(ignored -> pending
                                ? mailQueue.enqueue(mails.verifyEmail(user.getEmail(), token, now, ttl)).replaceWith(true)
                                : Uni.createFrom().item(false));
            })));
        });
        return Uni.createFrom().voidItem();
    }

    /**
     * Supersedes the owner's open verification links and stores a new one; with a null owner a decoy row
     * that is born spent (a random owner id matches no tokens), so every branch costs the same statements.
     */
    private Uni<Void> verificationLink(UUID owner, String token, OffsetDateTime now) {
        return emailTokens.supersede(owner == null ? UUID.randomUUID() : owner, EmailToken.VERIFY, now)
                .flatMap(ignored -> emailTokens.persist(EmailToken.verification(TokenService.sha256(token), owner, now,
                        now.plus(ttl))))
                .replaceWithVoid();
    }

    /**
     * Uses a verification or email-change link and signs its holder in. A change makes the new address the
     * account's and ends every other session; if a verified account has taken the address meanwhile, the
     * link fails with 400 email_taken and changes nothing.
     */
    public Uni<IssuedTokens> verify(String token) {
        byte[] hash = hashOf(token);
        OffsetDateTime now = now();
        return Panache.withTransaction(() -> emailTokens.spend(hash, now).flatMap(spent -> {
                    if (spent == 0) {
                        throw invalidToken();
                    }
                    return emailTokens.findById(hash);
                }).flatMap(row -> users.findById(row.getUserId())
                        .flatMap(user -> row.isChange() ? moveTo(user, row.getNewEmail(), now) : markVerified(user, now))))
                // a verified account took the address between our check and the commit
                .onFailure(e -> DatabaseErrors.isUniqueViolation(e, UserRepository.EMAIL_UNIQUE)).transform(e -> emailTaken())
                .invoke(() -> mailQueue.sendPending());
    }

    private Uni<IssuedTokens> markVerified(User user, OffsetDateTime now) {
        user.markEmailVerified(now);
        LOG.infof("Email verified for %s", EmailAddress.masked(user.getEmail()));
        return emailTokens.supersede(user.getId(), EmailToken.VERIFY, now).flatMap(ignored -> sessions.open(user));
    }

    private Uni<IssuedTokens> moveTo(User user, String newEmail, OffsetDateTime now) {
        return users.findByEmailForUpdate(EmailAddress.normalized(newEmail)).flatMap(holder -> {
            if (holder != null && holder.isEmailVerified()) {
                throw emailTaken();
            }
            // an unverified sign-up with the address proves nothing; whoever used this link owns it
            Uni<Long> unclaimed = holder == null ? Uni.createFrom().item(0L) : users.delete("id", holder.getId());
            return unclaimed.flatMap(ignored -> {
                String oldEmail = user.getEmail();
                user.changeEmail(newEmail, now);
                LOG.infof("Email of %s changed to %s; every other session ended", EmailAddress.masked(oldEmail),
                        EmailAddress.masked(newEmail));
                return emailTokens.supersede(user.getId(), EmailToken.CHANGE, now)
                        .flatMap(i -> sessions.endAll(user.getId(), now))
                        .flatMap(i -> users.flush())
                        .flatMap(i -> sessions.open(user));
            });
        });
    }

    /**
     * After the password matched: a link goes to the new address and a notice to the current one. Whether
     * the new address has an account is not told here (the link fails cleanly if it has one when used).
     */
    public Uni<Void> requestChange(UUID userId, String rawNewEmail, String password) {
        String newEmail = EmailAddress.valid("newEmail", rawNewEmail);
        return accounts.verifiedUser(userId, password).flatMap(checked -> {
            if (EmailAddress.normalized(newEmail).equals(EmailAddress.normalized(checked.getEmail()))) {
                throw DomainException.validation("newEmail", "is already the address of this account");
            }
            String token = tokens.opaqueToken();
            OffsetDateTime now = now();
            return Panache.withTransaction(() -> users.findById(userId).flatMap(user -> {
                user.requestEmailChange(newEmail, now.plus(ttl), now);
                return emailTokens.supersede(userId, EmailToken.CHANGE, now)
                        .flatMap(i -> emailTokens.persist(EmailToken.change(TokenService.sha256(token), userId, newEmail, now,
                                now.plus(ttl))))
                        .flatMap(i -> mailQueue.enqueue(mails.emailChange(newEmail, token, now, ttl)))
                        .flatMap(i -> mailQueue.enqueue(mails.emailChangeNotice(user.getEmail(), newEmail, now)));
            }));
        }).invoke(mailQueue::sendPending);
    }

    /** Accounts never verified within the lifetime go, with their tokens; one instance at a time does it. */
    @Scheduled(every = "1h", delayed = "7m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> deleteStaleRows() {
        OffsetDateTime now = now();
        return Panache.withTransaction(() -> users.tryJobLock(CLEANUP_LOCK).flatMap(locked -> !locked
                ? Uni.createFrom().voidItem()
                : users.deleteUnverifiedBefore(now.minus(unverifiedLifetime))
                        .invoke(deleted -> {
                            if (deleted > 0) {
                                LOG.infof("Deleted %d accounts never verified", deleted);
                            }
                        })
                        .flatMap(ignored -> emailTokens.deleteExpiredBefore(now.minusDays(1)))
                        .replaceWithVoid()));
    }

    private Uni<Void> sendAfterCommit(Uni<?> queued) {
        return queued.invoke(mailQueue::sendPending).replaceWithVoid();
    }

    private static byte[] hashOf(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw invalidToken();
        }
        return TokenService.sha256(token);
    }

    private static DomainException invalidToken() {
        return new DomainException(ErrorCode.INVALID_VERIFICATION_TOKEN,
                "This link is invalid, expired or already used; request a new one");
    }

    private static DomainException emailTaken() {
        return new DomainException(ErrorCode.EMAIL_TAKEN,
                "Another account uses this address now, so the change could not be made");
    }
}
