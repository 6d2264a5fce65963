package dev.todoapp.http;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Deletes answers kept for Idempotency-Keys once they are past 24 hours (older ones are ignored anyway).
 * Every instance runs the schedule; a transaction-level advisory lock lets only one of them delete at a time.
 */
@ApplicationScoped
public class IdempotencyKeyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class);
    /** Any fixed number: the advisory lock id of this job. */
    private static final long PURGE_LOCK = 0x1de7_0000_0004L;
    private static final String PURGE = "with purger as (select pg_try_advisory_xact_lock(" + PURGE_LOCK + ") as chosen)"
            + " delete from idempotency_key where (select chosen from purger)"
            + " and created_at <= now() - interval '24 hours'";

    private final Pool pool;

    public IdempotencyKeyPurge(Pool pool) {
        this.pool = pool;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpired() {
        return purge().onFailure().invoke(failure -> LOG.warnf("Purging expired idempotency keys failed: %s",
                failure.getClass().getSimpleName())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** The number of rows deleted. */
    Uni<Integer> purge() {
        return pool.withTransaction(connection -> connection.query(PURGE).execute()).map(rows -> rows.rowCount());
    }
}
