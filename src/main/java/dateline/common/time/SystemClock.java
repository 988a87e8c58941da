package dateline.common.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The clock every rule asks for "now", so tests can substitute a controllable one. */
public class SystemClock {
    @Produces
    @Singleton
    Clock clock() {
        // Databases keep microseconds; ticking in microseconds keeps what we hold equal to what we stored.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
