package dev.todoapp.account.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.todoapp.account.AuthSession;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<AuthSession, UUID> {

    private static final String OPEN_SESSION = "select 1 from auth_session where id = $1 and user_id = $2"
            + " and revoked_at is null and expires_at > now()";

    private final Pool pool;

    public SessionRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Integer> revoke(UUID sessionId, OffsetDateTime now) {
        return update("revokedAt = ?1 where id = ?2 and revokedAt is null", now, sessionId);
    }

    public Uni<Integer> revokeAllOf(UUID userId, OffsetDateTime now) {
        return update("revokedAt = ?1 where userId = ?2 and revokedAt is null", now, userId);
    }

    /**
     * Whether the session is still open. Asked on every authenticated request, before any resource
     * runs and outside a Hibernate session: one prepared primary-key lookup on the reactive pool, so
     * the hottest path pays no session setup and no entity load.
     */
    public Uni<Boolean> isOpen(UUID sessionId, UUID userId) {
        return pool.preparedQuery(OPEN_SESSION).execute(Tuple.of(sessionId, userId)).map(rows -> rows.rowCount() > 0);
    }
}
