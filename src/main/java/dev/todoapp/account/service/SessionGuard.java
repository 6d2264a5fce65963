package dev.todoapp.account.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.todoapp.account.CurrentUser;
import dev.todoapp.account.repository.SessionRepository;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Makes revocation immediate: a valid signature is not enough, the token's session must still be
 * open: one primary-key lookup per authenticated request (SessionRepository.isOpen).
 */
@ApplicationScoped
public class SessionGuard implements SecurityIdentityAugmentor {

    private final SessionRepository sessions;

    public SessionGuard(SessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        UUID sessionId;
        UUID userId;
        try {
            sessionId = UUID.fromString(token.getClaim(CurrentUser.SESSION_CLAIM));
            userId = UUID.fromString(token.getSubject());
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token without a session"));
        }
        return sessions.isOpen(sessionId, userId).map(open -> {
            if (!open) {
                throw new AuthenticationFailedException("session ended");
            }
            return identity;
        });
    }
}
