package dev.todoapp.mail;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.todoapp.common.PoolStatements;
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
    // a dead row keeps its sealed body and headers: an operator may requeue it (MailAdmin)
    private static final String DEAD = "update mail_outbox set status = 'dead', last_error = $2,"
            + " updated_at = now() where id = $1 and status = 'pending'";
    private static final String PURGE = "delete from mail_outbox where (status = 'sent' and updated_at < now() - interval '7 days')"
            + " or (status in ('dead', 'discarded') and updated_at < now() - interval '30 days')";
    private static final String ATTENTION = """
            select id, kind, recipient, status, attempts, last_error, created_at, next_attempt_at, valid_until,
                   extract(epoch from now() - created_at)::bigint as age_seconds,
                   valid_until is not null and valid_until <= now() as expired,
                   payload is not null as has_body
            from mail_outbox
            where status = any($1)
            order by created_at
            limit $2""";
    // attempts start again from zero, so MAIL_MAX_ATTEMPTS applies afresh
    private static final String REQUEUE = """
            update mail_outbox set status = 'pending', attempts = 0, next_attempt_at = now(), updated_at = now()
            where id = $1 and status = 'dead' and payload is not null and (valid_until is null or valid_until > now())
            returning id""";
    private static final String DISCARD = "update mail_outbox set status = 'discarded', payload = null, updated_at = now()"
            + " where id = $1 and status in ('dead', 'pending') returning id";
    private static final String EXPLAIN = "select status, payload is not null as has_body,"
            + " valid_until is not null and valid_until <= now() as expired from mail_outbox where id = $1";
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

    /** A dead or pending mail as an operator sees it: never the body, the subject or the whole address. */
    record Listed(UUID id, String kind, String recipient, String status, int attempts, String lastError,
                  OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime validUntil, long ageSeconds,
                  boolean expired, boolean hasBody) {
        static Listed of(Row row) {
            return new Listed(row.getUUID("id"), row.getString("kind"), row.getString("recipient"), row.getString("status"),
                    row.getInteger("attempts"), row.getString("last_error"), row.getOffsetDateTime("created_at"),
                    row.getOffsetDateTime("next_attempt_at"), row.getOffsetDateTime("valid_until"), row.getLong("age_seconds"),
                    row.getBoolean("expired"), row.getBoolean("has_body"));
        }
    }

    /** Why a row could not be requeued or discarded; null when there is no such row. */
    record Standing(String status, boolean hasBody, boolean expired) {
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
        return PoolStatements.prepared(pool, CLAIM, Tuple.of(limit, (double) lease.toSeconds())).map(rows -> {
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

    /** Sent rows are kept a week, dead and discarded ones a month, for support questions. */
    Uni<Void> purgeOld() {
        return execute(PURGE, Tuple.tuple());
    }

    /** Milliseconds until the earliest pending mail is due (negative when overdue); null when none is pending. */
    Uni<Long> millisUntilNextDue() {
        return PoolStatements.query(pool, NEXT_DUE).map(rows -> {
            Object wait = rows.iterator().next().getValue(0);
            return wait == null ? null : ((Number) wait).longValue();
        });
    }

    Uni<State> state() {
        return PoolStatements.query(pool, STATE).map(rows -> {
            Row row = rows.iterator().next();
            return new State(row.getLong("pending"), row.getLong("dead"), row.getLong("oldest_pending_seconds"));
        });
    }

    /** The oldest {@code limit} mails in the given states, oldest first. */
    Uni<List<Listed>> inStates(List<String> states, int limit) {
        return PoolStatements.prepared(pool, ATTENTION, Tuple.of(states.toArray(String[]::new), limit)).map(rows -> {
            List<Listed> listed = new ArrayList<>();
            rows.forEach(row -> listed.add(Listed.of(row)));
            return listed;
        });
    }

    /** Makes a dead mail due now with fresh attempts, if its body is kept and still of use; whether it did. */
    Uni<Boolean> requeueDead(UUID id) {
        return changed(REQUEUE, id);
    }

    /** Gives up on a dead or pending mail for good and drops its body; whether it did. */
    Uni<Boolean> discard(UUID id) {
        return changed(DISCARD, id);
    }

    Uni<Standing> standing(UUID id) {
        return PoolStatements.prepared(pool, EXPLAIN, Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new Standing(row.getString("status"), row.getBoolean("has_body"), row.getBoolean("expired"));
        });
    }

    private Uni<Boolean> changed(String sql, UUID id) {
        return PoolStatements.prepared(pool, sql, Tuple.of(id)).map(rows -> rows.rowCount() > 0);
    }

    private Uni<Void> execute(String sql, Tuple arguments) {
        return PoolStatements.prepared(pool, sql, arguments).replaceWithVoid();
    }
}
