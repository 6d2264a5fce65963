package dev.todoapp.account.service;

import static dev.todoapp.account.service.StoredTime.now;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.todoapp.account.AuthSession;
import dev.todoapp.account.RefreshToken;
import dev.todoapp.account.User;
import dev.todoapp.account.repository.RefreshTokenRepository;
import dev.todoapp.account.repository.SessionRepository;
import dev.todoapp.account.repository.UserRepository;
import dev.todoapp.common.DomainException;
import dev.todoapp.common.EmailAddress;
import dev.todoapp.common.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Sign-in sessions: sign-in, refresh-token rotation (a replayed token ends its session), sign-out and
 * the tokens each hands out. Password checks run on the hashing pool, outside any transaction.
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);
    private static final int MAX_REFRESH_TOKEN_LENGTH = 200;
    /** How long a rotated refresh token is kept to recognise a replay (which ends its session) before the purge drops it. */
    static final Duration USED_TOKEN_KEPT = Duration.ofDays(1);

    private final UserRepository users;
    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final TokenService tokens;

    private final Counter signInSuccesses;
    private final Counter signInFailures;

    public SessionService(UserRepository users, SessionRepository sessions, RefreshTokenRepository refreshTokens,
                          PasswordHasher hasher, TokenService tokens, MeterRegistry metrics) {
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.tokens = tokens;
        this.signInSuccesses = Counter.builder("auth.sign.in").tag("outcome", "success")
                .description("Sign-ins by outcome (wrong email or password: failure)").register(metrics);
        this.signInFailures = Counter.builder("auth.sign.in").tag("outcome", "failure")
                .description("Sign-ins by outcome (wrong email or password: failure)").register(metrics);
    }

    public Uni<IssuedTokens> signIn(String rawEmail, String password) {
        String normalized = EmailAddress.normalized(EmailAddress.valid("email", rawEmail));
        if (password == null || password.isEmpty()) {
            throw DomainException.validation("password", "must not be blank");
        }
        Uni<User> account = Panache.withSession(() -> users.findByEmail(normalized));
        return account
                .flatMap(user -> hasher.verify(password, user == null ? null : user.getPasswordHash())
                        .flatMap(matches -> {
                            if (!matches) {
                                signInFailures.increment();
                                LOG.infof("Failed sign-in for %s", EmailAddress.masked(normalized));
                                throw new DomainException(ErrorCode.INVALID_CREDENTIALS, "Email or password is incorrect");
                            }
                            // told only to whoever knows the password, so it reveals nothing about the address
                            if (!user.isEmailVerified()) {
                                throw new DomainException(ErrorCode.EMAIL_NOT_VERIFIED,
                                        "Verify your email address first: use the link we sent you, or ask for a new one");
                            }
                            return Panache.withTransaction(() -> open(user)).invoke(() -> signInSuccesses.increment());
                        }));
    }

    public Uni<IssuedTokens> refresh(String refreshToken) {
        if (!plausible(refreshToken)) {
            throw invalidRefreshToken();
        }
        byte[] hash = TokenService.sha256(refreshToken);
        OffsetDateTime now = now();
        return Panache.withTransaction(() -> refreshTokens.findById(hash).flatMap(stored -> {
            if (stored == null) {
                throw invalidRefreshToken();
            }
            return sessions.findById(stored.getSessionId()).flatMap(session -> {
                // an ended session (revoked, idle or past its absolute lifetime) renews nothing: the client signs in again
                if (session == null || !session.isOpenAt(now) || stored.isExpiredAt(now)) {
                    throw invalidRefreshToken();
                }
                return refreshTokens.markUsed(hash, now, now.plus(USED_TOKEN_KEPT)).flatMap(marked -> {
                    if (marked == 0) {
                        // a rotated token came back: someone holds a copy, so end the whole session
                        LOG.warnf("Refresh token replay; session %s revoked", session.getId());
                        return sessions.revoke(session.getId(), now).replaceWith(Uni.createFrom().<IssuedTokens>nullItem());
                    }
                    OffsetDateTime idleEnd = session.touch(now, tokens.idleLifetime());
                    return users.findById(session.getUserId()).flatMap(user -> issue(user, session.getId(), now, idleEnd));
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

    public Uni<Void> signOut(String refreshToken) {
        if (!plausible(refreshToken)) {
            return Uni.createFrom().voidItem();
        }
        byte[] hash = TokenService.sha256(refreshToken);
        return Panache.withTransaction(() -> refreshTokens.findById(hash).flatMap(stored -> stored == null
                ? Uni.createFrom().voidItem()
                : sessions.revoke(stored.getSessionId(), now()).replaceWithVoid()));
    }

    public Uni<Void> signOutEverywhere(UUID userId) {
        return Panache.withTransaction(() -> endAll(userId, now())).replaceWithVoid();
    }

    /** Ends every session of the user, so every access and refresh token stops working. Inside a transaction. */
    Uni<Integer> endAll(UUID userId, OffsetDateTime now) {
        return sessions.revokeAllOf(userId, now);
    }

    /** A new session with its first tokens. Inside a transaction. */
    Uni<IssuedTokens> open(User user) {
        OffsetDateTime now = now();
        AuthSession session = new AuthSession(user.getId(), now, tokens.idleLifetime(), tokens.maxLifetime());
        return sessions.persist(session).flatMap(saved -> issue(user, session.getId(), now, session.getIdleExpiresAt()));
    }

    /** Tokens for the session; the refresh token lives as long as the session's idle end. */
    private Uni<IssuedTokens> issue(User user, UUID sessionId, OffsetDateTime now, OffsetDateTime refreshExpiresAt) {
        String refresh = tokens.opaqueToken();
        RefreshToken stored = new RefreshToken(TokenService.sha256(refresh), sessionId, now, refreshExpiresAt);
        return refreshTokens.persist(stored).map(ignored -> new IssuedTokens(
                tokens.accessToken(user.getId(), sessionId, now.toInstant()), tokens.accessTokenSeconds(),
                refresh, Duration.between(now, refreshExpiresAt).toSeconds(), user));
    }

    private static boolean plausible(String refreshToken) {
        return refreshToken != null && !refreshToken.isBlank() && refreshToken.length() <= MAX_REFRESH_TOKEN_LENGTH;
    }

    private static DomainException invalidRefreshToken() {
        return new DomainException(ErrorCode.INVALID_REFRESH_TOKEN, "The refresh token is invalid, expired or already used");
    }
}
