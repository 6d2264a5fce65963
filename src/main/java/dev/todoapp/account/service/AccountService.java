package dev.todoapp.account.service;

import static dev.todoapp.account.service.StoredTime.now;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.todoapp.account.User;
import dev.todoapp.account.mail.AccountMails;
import dev.todoapp.account.repository.UserRepository;
import dev.todoapp.common.DomainException;
import dev.todoapp.common.ErrorCode;
import dev.todoapp.common.Text;
import dev.todoapp.mail.MailQueue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The account itself: profile, deletion and password change. Password hashing happens
 * outside transactions (it is slow and runs on its own pool); each database step is one short transaction.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    public static final int MAX_NAME_LENGTH = 100;

    private final UserRepository users;
    private final SessionService sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final AccountMails mails;
    private final MailQueue mailQueue;
    private final UnsubscribeTokens unsubscribeTokens;

    public AccountService(UserRepository users, SessionService sessions, PasswordHasher hasher, PasswordPolicy passwordPolicy,
                          AccountMails mails, MailQueue mailQueue, UnsubscribeTokens unsubscribeTokens) {
        this.unsubscribeTokens = unsubscribeTokens;
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.mails = mails;
        this.mailQueue = mailQueue;
    }

    public Uni<User> profile(UUID userId) {
        return Panache.withSession(() -> users.findById(userId)).map(AccountService::existing);
    }

    /** The name and the mail settings (time zone, reminders, digest); what the body leaves out stays. */
    public Uni<User> updateProfile(UUID userId, ProfileChanges changes) {
        String name = changes.renames() ? validName(changes.name()) : null;
        return Panache.withTransaction(() -> users.findById(userId).map(AccountService::existing)
                .invoke(user -> {
                    OffsetDateTime now = now();
                    if (changes.renames()) {
                        user.rename(name, now);
                    }
                    user.changeMailSettings(changes.timeZone(), changes.emailReminders(), changes.dailyDigest(), now);
                }));
    }

    /** One-click unsubscribe from a mail: reminders and the digest off; the same answer when already off. */
    public Uni<Void> unsubscribe(String token) {
        UUID userId = unsubscribeTokens.userOf(token).orElseThrow(AccountService::invalidUnsubscribeToken);
        return Panache.withTransaction(() -> users.findById(userId).invoke(user -> {
            if (user == null) {
                throw invalidUnsubscribeToken();
            }
            user.changeMailSettings(null, false, false, now());
        })).invoke(() -> LOG.infof("Account %s unsubscribed from reminders and the digest", userId)).replaceWithVoid();
    }

    private static DomainException invalidUnsubscribeToken() {
        return new DomainException(ErrorCode.INVALID_UNSUBSCRIBE_TOKEN, "This unsubscribe link is not valid");
    }

    /** Deletes the user; todos, sessions and tokens go with it (ON DELETE CASCADE). */
    public Uni<Void> deleteAccount(UUID userId, String password) {
        return verifiedUser(userId, password)
                .flatMap(user -> Panache.withTransaction(() -> users.deleteById(user.getId())))
                .invoke(() -> LOG.infof("Account %s deleted", userId))
                .replaceWithVoid();
    }

    /**
     * Sets a new password, ends every session, queues a "password changed" notice (so an owner whose
     * token was stolen learns of it) and signs this client in again with fresh tokens.
     */
    public Uni<IssuedTokens> changePassword(UUID userId, String currentPassword, String newPassword) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw DomainException.validation("currentPassword", "must not be blank");
        }
        passwordPolicy.check("newPassword", newPassword);
        return verifiedUser(userId, currentPassword)
                .flatMap(user -> hasher.hash(newPassword))
                .flatMap(hash -> Panache.withTransaction(() -> replacePassword(userId, hash).flatMap(user -> mailQueue
                        .enqueue(mails.passwordChanged(user.getEmail(), now()))
                        .flatMap(queued -> sessions.open(user)))))
                .invoke(mailQueue::sendPending);
    }

    /**
     * Stores a new password hash and ends every session of the user. Must run inside a transaction;
     * the password-reset flow uses it too.
     */
    Uni<User> replacePassword(UUID userId, String passwordHash) {
        OffsetDateTime now = now();
        return users.findById(userId).map(AccountService::existing).flatMap(user -> {
            user.changePasswordHash(passwordHash, now);
            return sessions.endAll(userId, now).replaceWith(user);
        });
    }

    /** The user, once the password they re-entered matched; else 403 invalid_credentials. */
    Uni<User> verifiedUser(UUID userId, String password) {
        if (password == null || password.isEmpty()) {
            throw DomainException.validation("password", "must not be blank");
        }
        return Panache.withSession(() -> users.findById(userId)).map(AccountService::existing)
                .flatMap(user -> hasher.verify(password, user.getPasswordHash()).map(matches -> {
                    if (!matches) {
                        throw new DomainException(ErrorCode.WRONG_PASSWORD, "The password is incorrect");
                    }
                    return user;
                }));
    }

    static String validName(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name = raw.strip();
        if (Text.length(name) > MAX_NAME_LENGTH) {
            throw DomainException.validation("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (!Text.isStorable(name, false)) {
            throw DomainException.validation("name", Text.BAD_CHARACTERS);
        }
        return name;
    }

    private static User existing(User user) {
        if (user == null) {
            // the account was deleted while this token was still in flight
            throw new DomainException(ErrorCode.UNAUTHORIZED, "The account no longer exists");
        }
        return user;
    }

}
