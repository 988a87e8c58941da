package dateline.common.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The clock every rule asks for "now", so tests can substitute a controllable one. */
public class SystemClock {
    @Produces
    @Singleton
    Clock clock() {
        return new MicrosecondClock();
    }

    /**
     * The system clock ticking in microseconds: databases keep microseconds, so what we hold equals what we
     * stored. Not {@code Clock.tick(systemUTC(), 1 µs)} itself: its {@code millis()} divides by the tick in
     * whole milliseconds, zero for a sub-millisecond tick (seen as ArithmeticException in JDK 17).
     */
    static final class MicrosecondClock extends Clock {
        private static final Clock TICKING = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

        @Override
        public Instant instant() {
            return TICKING.instant();
        }

        @Override
        public long millis() {
            return TICKING.instant().toEpochMilli();
        }

        @Override
        public ZoneId getZone() {
            return TICKING.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.tick(Clock.system(zone), Duration.ofNanos(1_000));
        }
    }
}
