package dev.todoapp.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Retries back off exponentially up to the cap, with jitter of at most half, and stop when they cannot help. */
class RetryPolicyTest {

    private static RetryPolicy policy(long jitterPart) {
        // the jitter source answers a fixed share of its bound: 0 = no jitter added, 1 = all of it
        return new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(10), 8, bound -> bound * jitterPart);
    }

    @Test
    void delaysDoubleFromTheBaseUntilTheCap() {
        RetryPolicy full = policy(1);
        assertEquals(Duration.ofSeconds(5), full.delayAfter(1));
        assertEquals(Duration.ofSeconds(10), full.delayAfter(2));
        assertEquals(Duration.ofSeconds(20), full.delayAfter(3));
        assertEquals(Duration.ofSeconds(320), full.delayAfter(7));
        assertEquals(Duration.ofMinutes(10), full.delayAfter(8));
        assertEquals(Duration.ofMinutes(10), full.delayAfter(1000), "no overflow however many attempts");
    }

    @Test
    void jitterDropsAtMostHalf() {
        RetryPolicy none = policy(0);
        assertEquals(Duration.ofMillis(2500), none.delayAfter(1));
        assertEquals(Duration.ofMinutes(5), none.delayAfter(20));
    }

    @Test
    void givesUpOnPermanentFailuresAndAfterTheLastAttempt() {
        RetryPolicy policy = policy(1);
        assertFalse(policy.givesUp(1, false));
        assertFalse(policy.givesUp(7, false));
        assertTrue(policy.givesUp(8, false));
        assertTrue(policy.givesUp(1, true));
    }
}
