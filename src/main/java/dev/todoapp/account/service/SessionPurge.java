package dev.todoapp.account.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.todoapp.account.repository.SessionRepository;
import dev.todoapp.common.DatabaseErrors;
import dev.todoapp.http.SharedRateLimiter;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Deletes what has ended: sessions past their idle or absolute end or revoked, refresh tokens past
 * theirs (a used one is kept a day to recognise replay), and passed rate-limit windows. Every instance
 * schedules it; a PostgreSQL advisory lock lets one of them run it per round.
 */
@ApplicationScoped
public class SessionPurge {

    private static final Logger LOG = Logger.getLogger(SessionPurge.class);

    /** How many rows one round deleted; -1 when another instance held the lock. */
    public record Outcome(int deleted) {
        public boolean skipped() {
            return deleted < 0;
        }
    }

    private final Pool pool;
    private final SessionRepository sessions;
    private final SharedRateLimiter sharedLimits;

    public SessionPurge(Pool pool, SessionRepository sessions, SharedRateLimiter sharedLimits) {
        this.pool = pool;
        this.sessions = sessions;
        this.sharedLimits = sharedLimits;
    }

    @Scheduled(every = "${session.purge-interval:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().invoke(outcome -> {
            if (!outcome.skipped() && outcome.deleted() > 0) {
                LOG.infof("Purged %d ended sessions, refresh tokens and rate-limit windows", outcome.deleted());
            }
        }).onFailure(DatabaseErrors::isUnavailable).recoverWithItem(() -> {
            LOG.warn("Purge skipped: the database is unreachable; the next round retries");
            return new Outcome(0);
        }).replaceWithVoid();
    }

    public Uni<Outcome> purge() {
        return pool.withTransaction(connection -> sessions.tryPurgeLock(connection).flatMap(locked -> locked
                ? sessions.purgeEnded(connection).flatMap(ended -> sharedLimits.purgeExpired(connection)
                        .map(windows -> new Outcome(ended + windows)))
                : Uni.createFrom().item(new Outcome(-1))));
    }
}
