package dev.todoapp.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.enterprise.context.ApplicationScoped;

import dev.todoapp.common.DomainException;
import dev.todoapp.common.ErrorCode;
import dev.todoapp.common.PoolStatements;
import dev.todoapp.config.RateLimitConfig.Limit;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Fixed-window counters in PostgreSQL (table rate_limit_window), for limits that protect an account:
 * every instance counts in the same row, so running more instances does not multiply them. One
 * statement per check; the key is stored only as its SHA-256. Expired windows are purged on a schedule.
 */
@ApplicationScoped
public class SharedRateLimiter {

    /** Opens a window, counts within it, or starts a new one once it has passed; returns the count and the wait. */
    private static final String HIT = "insert into rate_limit_window as w (rule, subject, hits, window_end)"
            + " values ($1, $2, 1, now() + make_interval(secs => $3))"
            + " on conflict (rule, subject) do update set"
            + " hits = case when w.window_end <= now() then 1 else w.hits + 1 end,"
            + " window_end = case when w.window_end <= now() then excluded.window_end else w.window_end end"
            + " returning hits, ceil(extract(epoch from w.window_end - now()))::bigint";
    private static final String PURGE = "delete from rate_limit_window where window_end < now()";

    private final Pool pool;

    public SharedRateLimiter(Pool pool) {
        this.pool = pool;
    }

    /** Counts one attempt, or fails with 429 and the seconds until the window ends. */
    public Uni<Void> consume(String rule, String key, Limit limit) {
        double seconds = limit.per().toMillis() / 1000.0;
        return PoolStatements.prepared(pool, HIT, Tuple.of(rule, sha256(key), seconds)).map(rows -> {
            Row row = rows.iterator().next();
            if (row.getInteger(0) > limit.requests()) {
                long wait = Math.max(1, row.getLong(1));
                throw DomainException.retryAfter(ErrorCode.RATE_LIMITED, "Too many attempts; try again in " + wait + " seconds", wait);
            }
            return null;
        });
    }

    /** Deletes passed windows; run by the scheduled purge inside its transaction. */
    public Uni<Integer> purgeExpired(SqlConnection connection) {
        return connection.query(PURGE).execute().map(rows -> rows.rowCount());
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
