package dateline.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The production clock: microsecond instants, and every other way of asking it the time works too. */
class SystemClockTest {
    private final Clock clock = new SystemClock().clock();

    @Test
    void instantsAreWholeMicroseconds() {
        Instant now = clock.instant();
        assertEquals(now, now.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void millisAgreesWithTheInstant() {
        long before = System.currentTimeMillis();
        long millis = clock.millis(); // Clock.tick's own millis() throws for a sub-millisecond tick
        assertTrue(millis >= before && millis <= System.currentTimeMillis() + 1, "millis " + millis);
    }
}
