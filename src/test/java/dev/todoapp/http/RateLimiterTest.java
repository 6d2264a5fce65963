package dev.todoapp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.todoapp.common.DomainException;
import dev.todoapp.common.ErrorCode;
import dev.todoapp.config.RateLimitConfig.Limit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Token buckets: a burst up to the limit, then a refusal that says how long to wait. */
class RateLimiterTest {

    private final RateLimiter limiter = new RateLimiter(1000, new SimpleMeterRegistry());

    @Test
    void limitsAreReadAsRequestsPerIsoDuration() {
        assertEquals(new Limit(10, Duration.ofMinutes(15)), Limit.parse(" 10 / PT15M "));
    }

    @Test
    void theBurstPassesThenTheNextIsRefusedWithTheWait() {
        Limit threePerHour = Limit.parse("3/PT1H");
        for (int i = 0; i < 3; i++) {
            limiter.consume("login-ip", "203.0.113.7", threePerHour);
        }
        DomainException refused = assertThrows(DomainException.class,
                () -> limiter.consume("login-ip", "203.0.113.7", threePerHour));
        assertEquals(ErrorCode.RATE_LIMITED, refused.code());
        // one token comes back every 20 minutes
        assertTrue(refused.retryAfterSeconds() > 1190 && refused.retryAfterSeconds() <= 1200, refused.retryAfterSeconds().toString());
    }

    @Test
    void keysAndRulesHaveTheirOwnBuckets() {
        Limit onePerHour = Limit.parse("1/PT1H");
        limiter.consume("login-ip", "203.0.113.7", onePerHour);
        limiter.consume("login-ip", "203.0.113.8", onePerHour);
        limiter.consume("register-ip", "203.0.113.7", onePerHour);
        assertThrows(DomainException.class, () -> limiter.consume("login-ip", "203.0.113.7", onePerHour));
    }

    @Test
    void tokensRefillOverTime() throws InterruptedException {
        Limit fast = Limit.parse("1/PT1S");
        limiter.consume("reset-ip", "203.0.113.9", fast);
        DomainException refused = assertThrows(DomainException.class, () -> limiter.consume("reset-ip", "203.0.113.9", fast));
        assertEquals(1, refused.retryAfterSeconds(), "never less than a second");
        Thread.sleep(1100);
        limiter.consume("reset-ip", "203.0.113.9", fast);
    }
}
