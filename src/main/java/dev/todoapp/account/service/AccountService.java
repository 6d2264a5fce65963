package dev.todoapp.account.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.todoapp.account.repository.AuthSession;
import dev.todoapp.account.repository.RefreshToken;
import dev.todoapp.account.repository.RefreshTokenRepository;
import dev.todoapp.account.repository.SessionRepository;
import dev.todoapp.account.repository.User;
import dev.todoapp.account.repository.UserRepository;
import dev.todoapp.common.DatabaseErrors;
import dev.todoapp.common.DomainException;
import dev.todoapp.common.EmailAddress;
import dev.todoapp.common.ErrorCode;
import dev.todoapp.common.Text;
import dev.todoapp.config.RateLimitConfig;
import dev.todoapp.http.RateLimiter;
import dev.todoapp.http.RateLimiter.Limit;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Accounts and sessions. Password hashing happens outside transactions (it is slow and runs on the
 * worker pool); each database step is one short transaction.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    public static final int MAX_NAME_LENGTH = 100;

    private final UserRepository users;
    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final TokenService tokens;
    private final RateLimiter rateLimiter;
    private final Limit loginPerIp;
    private final Limit loginPerAccount;
    private final Limit registerPerIp;

    public AccountService(UserRepository users, SessionRepository sessions, RefreshTokenRepository refreshTokens,
                          PasswordHasher hasher, PasswordPolicy passwordPolicy, TokenService tokens,
                          RateLimiter rateLimiter, RateLimitConfig limits) {
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.loginPerIp = Limit.parse(limits.loginPerIp());
        this.loginPerAccount = Limit.parse(limits.loginPerAccount());
        this.registerPerIp = Limit.parse(limits.registerPerIp());
    }

    public Uni<User> register(String rawEmail, String password, String rawName, String clientIp) {
        rateLimiter.consume("register-ip", clientIp, registerPerIp);
        String email = EmailAddress.valid("email", rawEmail);
        String name = validName(rawName);
        passwordPolicy.check("password", password);
        return hasher.hash(password).flatMap(hash -> Panache.withTransaction(() ->
                users.findByEmail(EmailAddress.normalized(email)).flatMap(existing -> {
                    if (existing != null) {
                        throw emailTaken();
                    }
                    User user = new User();
                    user.id = UUID.randomUUID();
                    user.email = email;
                    user.emailNormalized = EmailAddress.normalized(email);
                    user.name = name;
                    user.passwordHash = hash;
                    user.createdAt = now();
                    user.updatedAt = user.createdAt;
                    return users.persistAndFlush(user);
                })))
                // two concurrent sign-ups with one address: the unique index decides, the loser gets 409
                .onFailure(e -> DatabaseErrors.isUniqueViolation(e, UserRepository.EMAIL_UNIQUE)).transform(e -> emailTaken())
                .invoke(user -> LOG.infof("Account created for %s", EmailAddress.masked(user.email)));
    }

    public Uni<IssuedTokens> login(String rawEmail, String password, String clientIp) {
        rateLimiter.consume("login-ip", clientIp, loginPerIp);
        if (rawEmail == null || rawEmail.isBlank()) {
            throw DomainException.validation("email", "must not be blank");
        }
        if (password == null || password.isEmpty()) {
            throw DomainException.validation("password", "must not be blank");
        }
        String normalized = EmailAddress.normalized(rawEmail);
        rateLimiter.consume("login-account", normalized, loginPerAccount);
        // an address outside the email rule has no account and never reaches the database (which refuses NUL);
        // the password is still checked against the decoy, so the answer and its timing stay the same
        Uni<User> account = EmailAddress.isValid(rawEmail)
                ? Panache.withSession(() -> users.findByEmail(normalized))
                : Uni.createFrom().nullItem();
        return account
                .flatMap(user -> hasher.verify(password, user == null ? null : user.passwordHash)
                        .flatMap(matches -> {
                            if (!matches) {
                                LOG.infof("Failed sign-in for %s", EmailAddress.masked(normalized));
                                throw invalidCredentials();
                            }
                            return Panache.withTransaction(() -> openSession(user));
                        }));
    }

    public Uni<IssuedTokens> refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
            throw invalidRefreshToken();
        }
        byte[] hash = TokenService.sha256(refreshToken);
        OffsetDateTime now = now();
        return Panache.withTransaction(() -> refreshTokens.findById(hash).flatMap(stored -> {
            if (stored == null) {
                throw invalidRefreshToken();
            }
            return sessions.findById(stored.sessionId).flatMap(session -> {
                if (session == null || session.revokedAt != null || stored.expiresAt.isBefore(now)) {
                    throw invalidRefreshToken();
                }
                return refreshTokens.markUsed(hash, now).flatMap(marked -> {
                    if (marked == 0) {
                        // a rotated token came back: someone holds a copy, so end the whole session
                        LOG.warnf("Refresh token replay; session %s revoked", session.id);
                        return sessions.revoke(session.id, now).replaceWith(Uni.createFrom().<IssuedTokens>nullItem());
                    }
                    return users.findById(session.userId).flatMap(user -> issue(user, session.id, now));
                });
            });
        })).map(issued -> {
            // thrown after the commit, so the revocation of a replayed session sticks
            if (issued == null) {
                throw invalidRefreshToken();
            }
            return issued;
        });
    }

    public Uni<Void> logout(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
            return Uni.createFrom().voidItem();
        }
        byte[] hash = TokenService.sha256(refreshToken);
        return Panache.withTransaction(() -> refreshTokens.findById(hash).flatMap(stored -> stored == null
                ? Uni.createFrom().voidItem()
                : sessions.revoke(stored.sessionId, now()).replaceWithVoid()));
    }

    public Uni<Void> logoutEverywhere(UUID userId) {
        return Panache.withTransaction(() -> sessions.revokeAllOf(userId, now())).replaceWithVoid();
    }

    public Uni<User> profile(UUID userId) {
        return Panache.withSession(() -> users.findById(userId)).map(AccountService::existing);
    }

    public Uni<User> rename(UUID userId, String rawName) {
        String name = validName(rawName);
        return Panache.withTransaction(() -> users.findById(userId).map(AccountService::existing).invoke(user -> {
            user.name = name;
            user.updatedAt = now();
        }));
    }

    /** Deletes the user; todos, sessions and tokens go with it (ON DELETE CASCADE). */
    public Uni<Void> deleteAccount(UUID userId, String password) {
        return verifiedUser(userId, password)
                .flatMap(user -> Panache.withTransaction(() -> users.deleteById(user.id)))
                .invoke(() -> LOG.infof("Account %s deleted", userId))
                .replaceWithVoid();
    }

    /** Sets a new password, ends every session and signs this client in again with fresh tokens. */
    public Uni<IssuedTokens> changePassword(UUID userId, String currentPassword, String newPassword) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw DomainException.validation("currentPassword", "must not be blank");
        }
        passwordPolicy.check("newPassword", newPassword);
        return verifiedUser(userId, currentPassword)
                .flatMap(user -> hasher.hash(newPassword))
                .flatMap(hash -> Panache.withTransaction(() -> replacePassword(userId, hash)
                        .flatMap(user -> openSession(user))));
    }

    /**
     * Stores a new password hash and ends every session of the user. Must run inside a transaction;
     * the password-reset flow uses it too.
     */
    public Uni<User> replacePassword(UUID userId, String passwordHash) {
        OffsetDateTime now = now();
        return users.findById(userId).map(AccountService::existing).flatMap(user -> {
            user.passwordHash = passwordHash;
            user.updatedAt = now;
            return sessions.revokeAllOf(userId, now).replaceWith(user);
        });
    }

    private Uni<User> verifiedUser(UUID userId, String password) {
        if (password == null || password.isEmpty()) {
            throw DomainException.validation("password", "must not be blank");
        }
        return Panache.withSession(() -> users.findById(userId)).map(AccountService::existing)
                .flatMap(user -> hasher.verify(password, user.passwordHash).map(matches -> {
                    if (!matches) {
                        throw wrongPassword();
                    }
                    return user;
                }));
    }

    private Uni<IssuedTokens> openSession(User user) {
        OffsetDateTime now = now();
        AuthSession session = new AuthSession();
        session.id = UUID.randomUUID();
        session.userId = user.id;
        session.createdAt = now;
        session.expiresAt = now.plusSeconds(tokens.refreshTokenSeconds());
        return sessions.persist(session).flatMap(saved -> issue(user, session.id, now));
    }

    private Uni<IssuedTokens> issue(User user, UUID sessionId, OffsetDateTime now) {
        String refresh = tokens.opaqueToken();
        RefreshToken stored = new RefreshToken();
        stored.tokenHash = TokenService.sha256(refresh);
        stored.sessionId = sessionId;
        stored.createdAt = now;
        stored.expiresAt = now.plusSeconds(tokens.refreshTokenSeconds());
        Instant issuedAt = now.toInstant();
        return refreshTokens.persist(stored).map(ignored -> new IssuedTokens(
                tokens.accessToken(user.id, sessionId, issuedAt), tokens.accessTokenSeconds(),
                refresh, tokens.refreshTokenSeconds(), user));
    }

    private static String validName(String raw) {
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

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static DomainException emailTaken() {
        return new DomainException(ErrorCode.EMAIL_TAKEN, "An account with this email already exists");
    }

    private static DomainException invalidCredentials() {
        return new DomainException(ErrorCode.INVALID_CREDENTIALS, "Email or password is incorrect");
    }

    private static DomainException wrongPassword() {
        return new DomainException(ErrorCode.WRONG_PASSWORD, "The password is incorrect");
    }

    private static DomainException invalidRefreshToken() {
        return new DomainException(ErrorCode.INVALID_REFRESH_TOKEN, "The refresh token is invalid, expired or already used");
    }
}
