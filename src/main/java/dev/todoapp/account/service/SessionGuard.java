package dev.todoapp.account.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.todoapp.account.CurrentUser;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Makes revocation immediate: a valid signature is not enough, the token's session must still be
 * open. One primary-key lookup per authenticated request, on the reactive pool.
 */
@ApplicationScoped
public class SessionGuard implements SecurityIdentityAugmentor {

    private static final String OPEN_SESSION = "select 1 from auth_session where id = $1 and user_id = $2"
            + " and revoked_at is null and expires_at > now()";

    private final Pool pool;

    public SessionGuard(Pool pool) {
        this.pool = pool;
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
        return pool.preparedQuery(OPEN_SESSION).execute(Tuple.of(sessionId, userId)).map(rows -> {
            if (rows.rowCount() == 0) {
                throw new AuthenticationFailedException("session ended");
            }
            return identity;
        });
    }
}
