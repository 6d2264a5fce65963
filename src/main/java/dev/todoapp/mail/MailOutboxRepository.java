package dev.todoapp.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * All SQL of the outbox. New mails are persisted through Hibernate in the caller's transaction, so a
 * mail exists exactly when the change that sends it does. The dispatcher's statements run on the
 * reactive pool instead: they run from timers, outside any request or Hibernate session, each is one
 * self-contained statement with no entity to track, and the claim needs what HQL cannot say
 * (FOR UPDATE SKIP LOCKED in a CTE, UPDATE ... RETURNING).
 */
@ApplicationScoped
public class MailOutboxRepository implements PanacheRepositoryBase<MailOutbox, UUID> {

    private static final String CLAIM = """
            with due as (
                select id from mail_outbox
                where status = 'pending' and next_attempt_at <= now()
                order by next_attempt_at
                limit $1
                for update skip locked)
            update mail_outbox o
            set attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => $2), updated_at = now()
            from due where o.id = due.id
            returning o.id, o.kind, o.recipient, o.subject, o.payload, o.headers, o.attempts""";
    private static final String SENT = "update mail_outbox set status = 'sent', payload = null, headers = null, sent_at = now(),"
            + " updated_at = now() where id = $1 and status = 'pending'";
    private static final String RETRY = "update mail_outbox set next_attempt_at = now() + make_interval(secs => $2),"
            + " last_error = $3, updated_at = now() where id = $1 and status = 'pending'";
    private static final String DEAD = "update mail_outbox set status = 'dead', payload = null, headers = null, last_error = $2,"
            + " updated_at = now() where id = $1 and status = 'pending'";
    private static final String PURGE = "delete from mail_outbox where (status = 'sent' and updated_at < now() - interval '7 days')"
            + " or (status = 'dead' and updated_at < now() - interval '30 days')";
    private static final String NEXT_DUE = "select extract(epoch from min(next_attempt_at) - now()) * 1000"
            + " from mail_outbox where status = 'pending'";
    private static final String STATE = """
            select count(*) filter (where status = 'pending') as pending,
                   count(*) filter (where status = 'dead') as dead,
                   coalesce(extract(epoch from now() - min(created_at) filter (where status = 'pending')), 0)::bigint
                       as oldest_pending_seconds
            from mail_outbox""";

    /** A mail this sender now holds (attempt counted, lease running) until it records the outcome. */
    record Claimed(UUID id, String kind, String recipient, String subject, byte[] payload, String headers, int attempts) {
        static Claimed of(Row row) {
            return new Claimed(row.getUUID("id"), row.getString("kind"), row.getString("recipient"),
                    row.getString("subject"), row.getBuffer("payload") == null ? null : row.getBuffer("payload").getBytes(),
                    row.getString("headers"), row.getInteger("attempts"));
        }
    }

    /** The outbox at a glance, for the health check and the metrics. */
    record State(long pending, long dead, long oldestPendingSeconds) {
    }

    private final Pool pool;

    public MailOutboxRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Takes up to {@code limit} due mails for this sender: other senders skip them (SKIP LOCKED), and
     * the lease makes them due again only if this one dies before recording the outcome.
     */
    Uni<List<Claimed>> claimDue(int limit, Duration lease) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(limit, (double) lease.toSeconds())).map(rows -> {
            List<Claimed> claimed = new ArrayList<>();
            rows.forEach(row -> claimed.add(Claimed.of(row)));
            return claimed;
        });
    }

    /** The body is dropped once sent: the row stays only as a record. */
    Uni<Void> markSent(UUID id) {
        return execute(SENT, Tuple.of(id));
    }

    Uni<Void> retryLater(UUID id, Duration delay, String error) {
        return execute(RETRY, Tuple.of(id, delay.toMillis() / 1000.0, error));
    }

    Uni<Void> markDead(UUID id, String error) {
        return execute(DEAD, Tuple.of(id, error));
    }

    /** Sent rows are kept a week and dead ones a month (bodies are already gone), for support questions. */
    Uni<Void> purgeOld() {
        return execute(PURGE, Tuple.tuple());
    }

    /** Milliseconds until the earliest pending mail is due (negative when overdue); null when none is pending. */
    Uni<Long> millisUntilNextDue() {
        return pool.query(NEXT_DUE).execute().map(rows -> {
            Object wait = rows.iterator().next().getValue(0);
            return wait == null ? null : ((Number) wait).longValue();
        });
    }

    Uni<State> state() {
        return pool.query(STATE).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new State(row.getLong("pending"), row.getLong("dead"), row.getLong("oldest_pending_seconds"));
        });
    }

    private Uni<Void> execute(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).replaceWithVoid();
    }
}
