package dateline.support;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waits for something a test can observe instead of sleeping a fixed time. A fixed sleep is too short on a
 * busy machine (the test flakes) and too long on an idle one (the suite crawls); polling a condition returns
 * as soon as it holds, and fails, naming what it waited for, once the deadline has passed.
 */
public final class Eventually {
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private Eventually() {
    }

    /**
     * Returns once {@code condition} holds; throws an {@link AssertionError} if it still does not when
     * {@code limit} has passed (it is asked a last time at the deadline). Pauses between polls start short
     * and grow to 100 ms. An exception thrown by the condition ends the wait at once.
     */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        long start = System.nanoTime();
        long pause = FIRST_PAUSE_NANOS;
        while (!condition.getAsBoolean()) {
            long left = limit.toNanos() - (System.nanoTime() - start);
            if (left <= 0) {
                throw new AssertionError("Waited " + limit.toMillis() + " ms, in vain, until " + what);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting until " + what, e);
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        }
    }
}
