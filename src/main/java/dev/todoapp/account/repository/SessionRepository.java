package dev.todoapp.account.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.todoapp.account.AuthSession;
import dev.todoapp.common.PoolStatements;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<AuthSession, UUID> {

    /** When a session ended; the same expression as the auth_session_ended index. */
    private static final String ENDED_AT = "least(expires_at, idle_expires_at, coalesce(revoked_at, 'infinity'::timestamptz))";

    private static final String OPEN_SESSION = "select 1 from auth_session where id = $1 and user_id = $2"
            + " and revoked_at is null and expires_at > now() and idle_expires_at > now()";
    /** One instance purges at a time; the others skip this round (the lock ends with the transaction). */
    private static final String PURGE_LOCK = "select pg_try_advisory_xact_lock(hashtext('todo:purge-ended-sessions'))";
    /** Both use an index (V3), so a purge reads only what it deletes. */
    private static final String PURGE_TOKENS = "delete from refresh_token where expires_at < now()";
    private static final String PURGE_SESSIONS = "delete from auth_session where " + ENDED_AT + " < now()";

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
        return PoolStatements.prepared(pool, OPEN_SESSION, Tuple.of(sessionId, userId)).map(rows -> rows.rowCount() > 0);
    }

    /** Takes the purge lock for the caller's transaction; false when another instance holds it. */
    public Uni<Boolean> tryPurgeLock(SqlConnection connection) {
        return connection.query(PURGE_LOCK).execute().map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Deletes expired or used-and-kept-long-enough refresh tokens and ended sessions (with their tokens). */
    public Uni<Integer> purgeEnded(SqlConnection connection) {
        return connection.query(PURGE_TOKENS).execute().flatMap(tokens -> connection.query(PURGE_SESSIONS).execute()
                .map(sessions -> tokens.rowCount() + sessions.rowCount()));
    }
}
