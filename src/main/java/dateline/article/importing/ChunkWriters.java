package dateline.article.importing;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;

/**
 * Writes an import's chunks on a few threads, each chunk in its own transaction. Order still holds where
 * it matters: a chunk naming an article (by a key) that an earlier chunk still being written names waits
 * for it, and a chunk that must be written alone (it creates shared rows two chunks could collide on)
 * runs with no other. At most as many chunks as writers are in flight, so the reader never runs ahead.
 * With one writer every chunk is written at once on the caller's thread.
 */
final class ChunkWriters implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final int writers;
    private final ExecutorService pool;
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    private final ReadWriteLock alone = new ReentrantReadWriteLock();

    ChunkWriters(int writers) {
        this.writers = writers;
        this.pool = writers == 1 ? null : Executors.newFixedThreadPool(writers, task -> {
            Thread thread = new Thread(task, "dateline-import-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Writes a chunk naming these keys. {@code mustBeAlone} is asked when the chunk's turn comes (what it
     * knows by then may have changed), and a failure of the write is thrown by a later call.
     */
    void submit(Set<String> keys, BooleanSupplier mustBeAlone, Runnable write) {
        if (pool == null) {
            write.run();
            return;
        }
        for (InFlight earlier : List.copyOf(inFlight)) {
            if (!Collections.disjoint(earlier.keys, keys)) {
                await(earlier);
            }
        }
        while (inFlight.size() >= writers) {
            await(inFlight.peekFirst());
        }
        inFlight.add(new InFlight(pool.submit(() -> {
            Lock turn = mustBeAlone.getAsBoolean() ? alone.writeLock() : alone.readLock();
            turn.lock();
            try {
                write.run();
            } finally {
                turn.unlock();
            }
        }), keys));
    }

    /** Waits for every chunk; throws the first failure. */
    void awaitAll() {
        while (!inFlight.isEmpty()) {
            await(inFlight.peekFirst());
        }
    }

    private void await(InFlight chunk) {
        inFlight.remove(chunk);
        try {
            chunk.done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The import was interrupted", e);
        }
    }

    /** Lets chunks still being written finish (the import failed elsewhere), then stops the threads. */
    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        for (InFlight chunk : inFlight) {
            try {
                chunk.done.get();
            } catch (ExecutionException | InterruptedException ignored) {
                // the first failure is the one reported
            }
        }
        pool.shutdown();
    }

    /** A chunk being written, and the keys it names. */
    private record InFlight(Future<?> done, Set<String> keys) {
    }
}
