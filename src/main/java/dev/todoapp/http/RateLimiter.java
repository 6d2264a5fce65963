package dev.todoapp.http;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.todoapp.common.DomainException;
import dev.todoapp.common.ErrorCode;
import dev.todoapp.config.RateLimitConfig;
import dev.todoapp.config.RateLimitConfig.Limit;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * In-memory token buckets keyed by (rule, client address). Per instance by design: N instances allow
 * up to N times a per-address rate (README: Rate limits); the limits that protect an account are
 * shared through PostgreSQL (SharedRateLimiter). At most {@code RATE_LIMIT_MAX_KEYS} buckets: past
 * that, idle ones go first, then the least recently used.
 */
@ApplicationScoped
public class RateLimiter {

    private static final class Bucket {
        double tokens;
        long updatedNanos;
        final long idleAfterNanos;

        Bucket(Limit limit, long now) {
            tokens = limit.requests();
            updatedNanos = now;
            idleAfterNanos = limit.per().toNanos();
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int maxKeys;
    private final MeterRegistry metrics;

    @Inject
    public RateLimiter(RateLimitConfig config, MeterRegistry metrics) {
        this(config.maxKeys(), metrics);
    }

    RateLimiter(int maxKeys, MeterRegistry metrics) {
        this.maxKeys = maxKeys;
        this.metrics = metrics;
    }

    /** Takes one token or answers 429 with the seconds until the next one. */
    public void consume(String rule, String key, Limit limit) {
        long now = System.nanoTime();
        double rate = (double) limit.requests() / limit.per().toNanos();
        if (buckets.size() >= maxKeys) {
            makeRoom(now);
        }
        long[] waitNanos = {0};
        buckets.compute(rule + '\u0000' + key, (k, bucket) -> {
            Bucket b = bucket == null ? new Bucket(limit, now) : bucket;
            b.tokens = Math.min(limit.requests(), b.tokens + (now - b.updatedNanos) * rate);
            b.updatedNanos = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
            } else {
                waitNanos[0] = (long) Math.ceil((1 - b.tokens) / rate);
            }
            return b;
        });
        if (waitNanos[0] > 0) {
            // labelled by the rule only: the key is an address or an email
            metrics.counter("rate.limit.refusals", "limiter", rule).increment();
            long seconds = Math.max(1, (waitNanos[0] + 999_999_999L) / 1_000_000_000L);
            throw DomainException.retryAfter(ErrorCode.RATE_LIMITED, "Too many attempts; try again in " + seconds + " seconds", seconds);
        }
    }

    /** How many buckets are held: what an address scan would grow. */
    public int keyCount() {
        return buckets.size();
    }

    /** Full buckets carry no information; dropping them keeps memory flat under address scans. */
    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evictIdle() {
        evictIdle(System.nanoTime());
    }

    private void evictIdle(long now) {
        buckets.values().removeIf(b -> now - b.updatedNanos > b.idleAfterNanos);
    }

    /** At the cap: idle buckets first; if that is not enough, the least recently used tenth. */
    private synchronized void makeRoom(long now) {
        if (buckets.size() < maxKeys) {
            return;
        }
        evictIdle(now);
        int excess = buckets.size() - maxKeys * 9 / 10;
        if (excess > 0) {
            buckets.entrySet().stream()
                    .sorted(Comparator.comparingLong(e -> e.getValue().updatedNanos))
                    .limit(excess).map(Map.Entry::getKey).toList()
                    .forEach(buckets::remove);
        }
    }
}
