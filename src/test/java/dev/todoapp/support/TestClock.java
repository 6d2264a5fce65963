package dev.todoapp.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The service's clock in tests that enable it (QuarkusTestProfile.getEnabledAlternatives): real time
 * moved by an offset, or a fixed instant, so a test can be a day later without waiting a day.
 */
@Alternative
@Singleton
public class TestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;
    private static volatile Instant fixed;

    /** From now on the service's time is real time plus {@code by}. */
    public static void shiftBy(Duration by) {
        fixed = null;
        offset = by;
    }

    /** The service's time stands still at {@code instant}. */
    public static void stopAt(Instant instant) {
        fixed = instant;
    }

    public static void reset() {
        fixed = null;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant stopped = fixed;
        return stopped != null ? stopped : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service uses UTC instants only");
    }
}
