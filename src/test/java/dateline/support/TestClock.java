package dateline.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The clock of the application under test: the system clock (in microseconds, like the production one)
 * until a test stops it at an instant of its choosing. Tests that stop it call {@link #release()} after.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    private static final Clock SYSTEM = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    private volatile Instant stoppedAt;

    public void stopAt(Instant at) {
        stoppedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    public void release() {
        stoppedAt = null;
    }

    @Override
    public Instant instant() {
        Instant at = stoppedAt;
        return at != null ? at : SYSTEM.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Dateline works in UTC");
    }
}
