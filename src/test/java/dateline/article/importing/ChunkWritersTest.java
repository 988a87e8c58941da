package dateline.article.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.support.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How an import's chunks are written on several threads without losing the order that matters: a chunk
 * naming an article that a chunk still being written names waits for it, a chunk that must be alone (it
 * names a section, tag or author the import has not met) is written with no other, and the reader never
 * has more chunks in flight than there are writers.
 *
 * <p>Chunks here are lambdas that record when they start and end, and that may be held at a {@link Gate}
 * the test opens. No test sleeps: where a test shows that something waits, it waits until the thread is
 * parked (blocked, not running) and then checks that the waiting chunk has not been written.
 */
class ChunkWritersTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final BooleanSupplier NOT_ALONE = () -> false;

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Gate> gates = new ArrayList<>();
    private ChunkWriters writers;

    @AfterEach
    void letEveryChunkFinishAndStopTheWriters() {
        gates.forEach(Gate::open);
        if (writers != null) {
            writers.close();
        }
    }

    @Test
    void withOneWriterEachChunkIsWrittenAtOnceOnTheCallersThreadAndNeverAskedToBeAlone() {
        writers = new ChunkWriters(1);
        AtomicReference<Thread> writtenOn = new AtomicReference<>();
        AtomicBoolean asked = new AtomicBoolean();
        writers.submit(Set.of("id:1"), () -> asked.getAndSet(true), () -> writtenOn.set(Thread.currentThread()));
        assertSame(Thread.currentThread(), writtenOn.get(), "written before submit returned, by the caller");
        assertFalse(asked.get(), "with one writer a chunk is always alone");
    }

    @Test
    void withOneWriterAFailedWriteIsThrownBySubmit() {
        writers = new ChunkWriters(1);
        RuntimeException failure = new IllegalStateException("line 3 broke the chunk");
        assertSame(failure, assertThrows(RuntimeException.class, () -> writers.submit(Set.of("id:1"), NOT_ALONE, () -> {
            throw failure;
        })));
    }

    @Test
    void chunksNamingDifferentArticlesAreWrittenSideBySideOnImportThreads() {
        writers = new ChunkWriters(2);
        Gate bStarted = gate();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        // A finishes only once B has started: written one after the other, A would time out at its gate.
        writers.submit(Set.of("external:a", "slug:a"), NOT_ALONE, () -> {
            threads.add(Thread.currentThread());
            bStarted.pass();
        });
        writers.submit(Set.of("external:b", "slug:b"), NOT_ALONE, () -> {
            threads.add(Thread.currentThread());
            bStarted.open();
        });
        writers.awaitAll();
        assertEquals(2, threads.size());
        assertNotSame(threads.get(0), threads.get(1));
        for (Thread t : threads) {
            assertTrue(t.getName().startsWith("dateline-import-"), t.getName());
            assertTrue(t.isDaemon(), "a stuck import does not keep the process alive");
        }
    }

    @Test
    void aChunkNamingAnArticleOfAChunkStillBeingWrittenWaitsForIt() {
        writers = new ChunkWriters(3);
        Gate a = gate();
        writers.submit(Set.of("external:wire-1", "slug:talks"), NOT_ALONE, chunk("A", a));
        awaitEvent("A starts");

        Call b = Call.start(() -> writers.submit(Set.of("slug:talks", "id:9"), NOT_ALONE, chunk("B")));
        assertTrue(b.isWaiting(), "submitting B waits, though two writers are free");
        assertEquals(List.of("A starts"), events);

        a.open();
        b.returns();
        writers.awaitAll();
        assertEquals(List.of("A starts", "A ends", "B starts", "B ends"), events);
    }

    @Test
    void aChunkThatWaitedIsAskedWhetherItMustBeAloneOnlyWhenItsTurnComes() {
        writers = new ChunkWriters(2);
        Gate a = gate();
        writers.submit(Set.of("id:1"), NOT_ALONE, chunk("A", a));
        List<String> seenWhenAsked = new CopyOnWriteArrayList<>();
        BooleanSupplier notAloneNoting = () -> {
            seenWhenAsked.addAll(events);
            return false;
        };
        Call b = Call.start(() -> writers.submit(Set.of("id:1"), notAloneNoting, chunk("B")));
        assertTrue(b.isWaiting());

        a.open();
        b.returns();
        writers.awaitAll();
        assertEquals(List.of("A starts", "A ends"), seenWhenAsked, "what A created is known by the time B is asked");
    }

    @Test
    void theReaderHasAtMostAsManyChunksInFlightAsWritersAndWaitsForTheOldest() {
        writers = new ChunkWriters(2);
        Gate a = gate();
        Gate b = gate();
        writers.submit(Set.of("id:a"), NOT_ALONE, chunk("A", a));
        writers.submit(Set.of("id:b"), NOT_ALONE, chunk("B", b));

        Call c = Call.start(() -> writers.submit(Set.of("id:c"), NOT_ALONE, chunk("C")));
        assertTrue(c.isWaiting(), "a third chunk waits for a writer");
        assertFalse(events.contains("C starts"));

        a.open();
        c.returns();
        assertTrue(events.contains("A ends"));
        assertFalse(events.contains("B ends"), "C was let in when the oldest chunk, A, was written; B is still held");

        b.open();
        writers.awaitAll();
        assertTrue(events.containsAll(List.of("B ends", "C starts", "C ends")), events::toString);
    }

    @Test
    void aChunkThatMustBeAloneWaitsForTheChunksBeingWritten() {
        writers = new ChunkWriters(3);
        Gate a = gate();
        writers.submit(Set.of("id:a"), NOT_ALONE, chunk("A", a));
        awaitEvent("A starts");

        Asked alone = new Asked(true);
        writers.submit(Set.of("id:c"), alone, chunk("C"));
        alone.waitsToWrite();
        assertEquals(List.of("A starts"), events, "C, naming a new tag, is not written beside A");

        a.open();
        writers.awaitAll();
        assertEquals(List.of("A starts", "A ends", "C starts", "C ends"), events);
    }

    @Test
    void noChunkIsWrittenWhileOneThatMustBeAloneIs() {
        writers = new ChunkWriters(3);
        Gate c = gate();
        writers.submit(Set.of("id:c"), () -> true, chunk("C", c));
        awaitEvent("C starts");

        Asked notAlone = new Asked(false);
        writers.submit(Set.of("id:d"), notAlone, chunk("D"));
        notAlone.waitsToWrite();
        assertEquals(List.of("C starts"), events, "D is not written beside C, though a writer is free");

        c.open();
        writers.awaitAll();
        assertEquals(List.of("C starts", "C ends", "D starts", "D ends"), events);
    }

    @Test
    void aFailedWriteIsThrownByAwaitAll() {
        writers = new ChunkWriters(2);
        RuntimeException failure = new IllegalStateException("line 3 broke the chunk");
        writers.submit(Set.of("id:1"), NOT_ALONE, () -> {
            throw failure;
        });
        assertSame(failure, assertThrows(RuntimeException.class, writers::awaitAll));
    }

    @Test
    void aFailedWriteIsThrownByTheSubmitOfAChunkNamingTheSameArticleWhichIsNotWritten() {
        writers = new ChunkWriters(2);
        RuntimeException failure = new IllegalStateException("line 3 broke the chunk");
        writers.submit(Set.of("id:1"), NOT_ALONE, () -> {
            throw failure;
        });
        assertSame(failure, assertThrows(RuntimeException.class, () -> writers.submit(Set.of("id:1"), NOT_ALONE, chunk("B"))));
        writers.awaitAll();
        assertEquals(List.of(), events);
    }

    @Test
    void anErrorInAWriteIsThrownWrappedInAnIllegalStateException() {
        writers = new ChunkWriters(2);
        Error error = new OutOfMemoryError("pretend");
        writers.submit(Set.of("id:1"), NOT_ALONE, () -> {
            throw error;
        });
        IllegalStateException thrown = assertThrows(IllegalStateException.class, writers::awaitAll);
        assertSame(error, thrown.getCause());
    }

    @Test
    void awaitAllThrowsTheFailureOfTheEarliestSubmittedChunkNotOfTheFirstToFail() {
        writers = new ChunkWriters(2);
        RuntimeException first = new IllegalStateException("first chunk");
        RuntimeException second = new IllegalStateException("second chunk");
        Gate secondFailed = gate();
        writers.submit(Set.of("id:1"), NOT_ALONE, () -> {
            secondFailed.pass();
            throw first;
        });
        writers.submit(Set.of("id:2"), NOT_ALONE, () -> {
            secondFailed.open();
            throw second;
        });
        assertSame(first, assertThrows(RuntimeException.class, writers::awaitAll));
    }

    @Test
    void closeLetsTheChunksStillBeingWrittenFinishThrowsNothingAndStopsTheWriters() {
        writers = new ChunkWriters(2);
        RuntimeException failure = new IllegalStateException("line 3 broke the chunk");
        writers.submit(Set.of("id:a"), NOT_ALONE, () -> {
            throw failure;
        });
        Gate b = gate();
        Asked bAsked = new Asked(false);
        writers.submit(Set.of("id:b"), bAsked, () -> {
            chunk("B", b).run();
            throw new IllegalStateException("B failed too");
        });
        assertSame(failure, assertThrows(RuntimeException.class, writers::awaitAll), "the import fails, B still in flight");

        Call close = Call.start(writers::close);
        assertTrue(close.isWaiting(), "close waits for B");
        assertFalse(events.contains("B ends"));

        b.open();
        close.returns();
        assertTrue(events.contains("B ends"));
        Eventually.until("the writer thread has stopped", LIMIT, () -> !bAsked.by.get().isAlive());
    }

    /** A write that records when it starts and ends. */
    private Runnable chunk(String name) {
        return () -> {
            events.add(name + " starts");
            events.add(name + " ends");
        };
    }

    /** A write that records when it starts, is held at the gate until the test opens it, and records its end. */
    private Runnable chunk(String name, Gate gate) {
        return () -> {
            events.add(name + " starts");
            gate.pass();
            events.add(name + " ends");
        };
    }

    private Gate gate() {
        Gate gate = new Gate();
        gates.add(gate);
        return gate;
    }

    private void awaitEvent(String event) {
        Eventually.until(event, LIMIT, () -> events.contains(event));
    }

    private static boolean parked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    /** Holds a write until the test opens it; a gate never opened fails the write after {@link #LIMIT} rather than hanging. */
    private static final class Gate {
        private final CountDownLatch open = new CountDownLatch(1);

        void open() {
            open.countDown();
        }

        void pass() {
            try {
                if (!open.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("the gate was not opened within " + LIMIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A mustBeAlone answer that remembers the writer thread that asked it, to see that thread wait for its turn. */
    private static final class Asked implements BooleanSupplier {
        private final boolean alone;
        final AtomicReference<Thread> by = new AtomicReference<>();

        Asked(boolean alone) {
            this.alone = alone;
        }

        @Override
        public boolean getAsBoolean() {
            by.set(Thread.currentThread());
            return alone;
        }

        /** Returns once the writer that asked is parked: waiting for its turn to write, or idle after writing. */
        void waitsToWrite() {
            Eventually.until("the writer is asked and waits", LIMIT, () -> by.get() != null && parked(by.get()));
        }
    }

    /**
     * A call to the writers made on a thread of its own, so the test can see it wait. The writers are used by
     * one reader at a time, as by an import: the test hands the reader's part to the call and takes it back
     * once the call has returned.
     */
    private static final class Call {
        private final FutureTask<Void> task;
        private final Thread thread;

        private Call(Runnable call) {
            this.task = new FutureTask<>(call, null);
            this.thread = new Thread(task, "test-reader");
            thread.setDaemon(true);
        }

        static Call start(Runnable call) {
            Call c = new Call(call);
            c.thread.start();
            return c;
        }

        /** Whether the call is blocked rather than returned: waits until it is one or the other. */
        boolean isWaiting() {
            Eventually.until("the call returns or waits", LIMIT, () -> task.isDone() || parked(thread));
            return !task.isDone();
        }

        /** Waits for the call to return, throwing what it threw. */
        void returns() {
            try {
                task.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new AssertionError(e.getCause());
            } catch (Exception e) {
                throw new AssertionError("the call did not return within " + LIMIT, e);
            }
        }
    }
}
