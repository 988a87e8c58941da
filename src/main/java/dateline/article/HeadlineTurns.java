package dateline.article;

import dateline.common.slug.Slugs;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Creates whose slug comes from the same headline take turns in this instance, each in its own transaction
 * from start to commit: the second sees the slug the first committed and picks the next free one. Without
 * turns, desks filing the same wire headline all pick the same slug, all but one are refused by the unique
 * index, and they retry in step, again and again. Writers in other instances can still race;
 * {@link ArticleService#create} retries those few.
 */
final class HeadlineTurns {
    /** Enough stripes that unrelated headlines rarely wait for each other; a lock is a few dozen bytes. */
    private static final int STRIPES = 256;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    HeadlineTurns() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    <T> T inTurn(String title, Supplier<T> create) {
        ReentrantLock turn = stripes[Math.floorMod(Slugs.fromTitle(title == null ? "" : title).hashCode(), STRIPES)];
        turn.lock();
        try {
            return create.get();
        } finally {
            turn.unlock();
        }
    }
}
