package dateline.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The helper that replaces fixed sleeps: it returns as soon as the condition holds, and fails when it never does. */
class EventuallyTest {

    @Test
    void returnsAsSoonAsTheConditionHolds() {
        AtomicInteger polls = new AtomicInteger();
        Eventually.until("the third poll", Duration.ofSeconds(10), () -> polls.incrementAndGet() == 3);
        assertEquals(3, polls.get());
    }

    @Test
    void aConditionThatAlreadyHoldsIsAskedOnceAndNotWaitedFor() {
        AtomicInteger polls = new AtomicInteger();
        long start = System.nanoTime();
        Eventually.until("nothing", Duration.ofSeconds(10), () -> polls.incrementAndGet() > 0);
        assertEquals(1, polls.get());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos());
    }

    @Test
    void failsNamingWhatItWaitedForOnceTheDeadlineHasPassed() {
        AtomicInteger polls = new AtomicInteger();
        long start = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class,
                () -> Eventually.until("the moon turns blue", Duration.ofMillis(200), () -> polls.incrementAndGet() < 0));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(200).toNanos(), "not before the deadline");
        assertEquals("Waited 200 ms, in vain, until the moon turns blue", e.getMessage());
        assertTrue(polls.get() > 2, "polled repeatedly, not once after a sleep: " + polls.get());
    }

    @Test
    void aConditionThatThrowsEndsTheWaitWithItsException() {
        IllegalStateException broken = new IllegalStateException("broken");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Eventually.until("never", Duration.ofSeconds(10), () -> {
                    throw broken;
                }));
        assertSame(broken, thrown);
    }
}
