package dev.todoapp.account.service;

import static dev.todoapp.account.service.StoredTime.now;

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

    private final UserRepository users;
    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final TokenService tokens;

    public SessionService(UserRepository users, SessionRepository sessions, RefreshTokenRepository refreshTokens,
                          PasswordHasher hasher, TokenService tokens) {
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.tokens = tokens;
    }

    public Uni<IssuedTokens> signIn(String rawEmail, String password) {
        if (rawEmail == null || rawEmail.isBlank()) {
            throw DomainException.validation("email", "must not be blank");
        }
        if (password == null || password.isEmpty()) {
            throw DomainException.validation("password", "must not be blank");
        }
        String normalized = EmailAddress.normalized(rawEmail);
        // an address outside the email rule has no account and never reaches the database (which refuses NUL);
        // the password is still checked against the decoy, so the answer and its timing stay the same
        Uni<User> account = EmailAddress.isValid(rawEmail)
                ? Panache.withSession(() -> users.findByEmail(normalized))
                : Uni.createFrom().nullItem();
        return account
                .flatMap(user -> hasher.verify(password, user == null ? null : user.getPasswordHash())
                        .flatMap(matches -> {
                            if (!matches) {
                                LOG.infof("Failed sign-in for %s", EmailAddress.masked(normalized));
                                throw new DomainException(ErrorCode.INVALID_CREDENTIALS, "Email or password is incorrect");
                            }
                            // told only to whoever knows the password, so it reveals nothing about the address
                            if (!user.isEmailVerified()) {
                                throw new DomainException(ErrorCode.EMAIL_NOT_VERIFIED,
                                        "Verify your email address first: use the link we sent you, or ask for a new one");
                            }
                            return Panache.withTransaction(() -> open(user));
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
                if (session == null || session.isRevoked() || stored.isExpiredAt(now)) {
                    throw invalidRefreshToken();
                }
                return refreshTokens.markUsed(hash, now).flatMap(marked -> {
                    if (marked == 0) {
                        // a rotated token came back: someone holds a copy, so end the whole session
                        LOG.warnf("Refresh token replay; session %s revoked", session.getId());
                        return sessions.revoke(session.getId(), now).replaceWith(Uni.createFrom().<IssuedTokens>nullItem());
                    }
                    return users.findById(session.getUserId()).flatMap(user -> issue(user, session.getId(), now));
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
        AuthSession session = new AuthSession(user.getId(), now, now.plusSeconds(tokens.refreshTokenSeconds()));
        return sessions.persist(session).flatMap(saved -> issue(user, session.getId(), now));
    }

    private Uni<IssuedTokens> issue(User user, UUID sessionId, OffsetDateTime now) {
        String refresh = tokens.opaqueToken();
        RefreshToken stored = new RefreshToken(TokenService.sha256(refresh), sessionId, now,
                now.plusSeconds(tokens.refreshTokenSeconds()));
        return refreshTokens.persist(stored).map(ignored -> new IssuedTokens(
                tokens.accessToken(user.getId(), sessionId, now.toInstant()), tokens.accessTokenSeconds(),
                refresh, tokens.refreshTokenSeconds(), user));
    }

    private static boolean plausible(String refreshToken) {
        return refreshToken != null && !refreshToken.isBlank() && refreshToken.length() <= MAX_REFRESH_TOKEN_LENGTH;
    }

    private static DomainException invalidRefreshToken() {
        return new DomainException(ErrorCode.INVALID_REFRESH_TOKEN, "The refresh token is invalid, expired or already used");
    }
}
