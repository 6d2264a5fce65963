package dev.todoapp.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.todoapp.common.DomainException;
import dev.todoapp.common.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * In-memory token buckets keyed by (rule, key). Per instance by design: N instances allow up to N
 * times a per-IP rate (see deploy/README.md); the per-account limits still bound guessing.
 */
@ApplicationScoped
public class RateLimiter {

    /** "10/PT15M": 10 requests per 15 minutes, refilled smoothly. */
    public record Limit(int requests, Duration per) {
        public static Limit parse(String value) {
            String[] parts = value.split("/", 2);
            return new Limit(Integer.parseInt(parts[0].trim()), Duration.parse(parts[1].trim()));
        }

        double tokensPerNano() {
            return (double) requests / per.toNanos();
        }
    }

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
    private final MeterRegistry metrics;

    public RateLimiter(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** Takes one token or answers 429 with the seconds until the next one. */
    public void consume(String rule, String key, Limit limit) {
        long now = System.nanoTime();
        double rate = limit.tokensPerNano();
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

    /** Full buckets carry no information; dropping them keeps memory flat under address scans. */
    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evictIdle() {
        long now = System.nanoTime();
        buckets.values().removeIf(b -> now - b.updatedNanos > b.idleAfterNanos);
    }
}
