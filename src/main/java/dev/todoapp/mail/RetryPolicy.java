package dev.todoapp.mail;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * When a failed mail is tried again, and when it is given up: exponential backoff (base * 2^(attempt-1),
 * capped), of which a random part up to half is dropped so instances do not retry in lockstep.
 */
public final class RetryPolicy {

    private final Duration base;
    private final Duration max;
    private final int maxAttempts;
    /** Given n, a value in [0, n]: the jitter source, fixed in tests. */
    private final LongUnaryOperator random;

    public RetryPolicy(Duration base, Duration max, int maxAttempts, LongUnaryOperator random) {
        this.base = base;
        this.max = max;
        this.maxAttempts = maxAttempts;
        this.random = random;
    }

    /** Whether the mail is dead: the failure will not get better, or it has had all its attempts. */
    public boolean givesUp(int attempts, boolean permanentFailure) {
        return permanentFailure || attempts >= maxAttempts;
    }

    /** The wait after the {@code attempt}-th failed send (1-based): between half and all of the capped backoff. */
    public Duration delayAfter(int attempt) {
        long capped = Math.min(max.toMillis(), base.toMillis() << Math.min(Math.max(attempt, 1) - 1, 20));
        return Duration.ofMillis(capped / 2 + random.applyAsLong(capped / 2));
    }
}
