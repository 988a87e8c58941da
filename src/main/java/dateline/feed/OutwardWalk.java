package dateline.feed;

import java.time.Instant;

/**
 * A date-ordered list read outward from an instant: each {@link #advance} moves to the entry, of those in
 * [from, to] not read yet, fewest whole minutes away from it, before or after. The entry's date and tag
 * mask are read from the list's arrays; its article only when asked for. Each side keeps the chunk it is
 * in, as it moves one entry at a time.
 */
final class OutwardWalk {
    static final long NONE_LEFT = Long.MAX_VALUE;
    private final DatedList list;
    private final long at;
    private final int first;
    private final int end;
    /** List index of the next entry on each side, and the chunk holding it (while the index lies in the list). */
    private int before;
    private int beforeChunk;
    private int after;
    private int afterChunk;
    private DatedList.Chunk current;
    private int currentOffset;

    OutwardWalk(DatedList list, long epochSecond, Instant from, Instant to) {
        this.list = list;
        this.at = epochSecond;
        this.first = list.upTo(from.getEpochSecond() - 1);
        this.end = list.upTo(to.getEpochSecond());
        this.before = Math.max(first, Math.min(list.upTo(epochSecond), end)) - 1;
        this.after = before + 1;
        this.beforeChunk = before >= 0 ? list.chunkOf(before) : -1;
        this.afterChunk = after < list.size() ? list.chunkOf(after) : list.chunkCount();
    }

    /** How many minutes away the next entry lies; {@link #NONE_LEFT} when all were read. */
    long nextApart() {
        return Math.min(before >= first ? minutesApart(beforeChunk, before) : NONE_LEFT,
                after < end ? minutesApart(afterChunk, after) : NONE_LEFT);
    }

    /** Moves to the next entry ({@link #nextApart} says there is one). */
    void advance() {
        boolean earlier = after >= end || (before >= first && minutesApart(beforeChunk, before) <= minutesApart(afterChunk, after));
        if (earlier) {
            moveTo(beforeChunk, before--);
            if (before >= 0 && before < list.start(beforeChunk)) {
                beforeChunk--;
            }
        } else {
            moveTo(afterChunk, after++);
            if (after >= list.start(afterChunk + 1)) {
                afterChunk++;
            }
        }
    }

    IndexedArticle article() {
        return current.articles()[currentOffset];
    }

    long liveAt() {
        return current.liveAt()[currentOffset];
    }

    long tagMask() {
        return current.tagMasks()[currentOffset];
    }

    private void moveTo(int chunk, int index) {
        current = list.chunk(chunk);
        currentOffset = index - list.start(chunk);
    }

    /** Whole minutes between an entry's delivery and the instant, as related headlines' recency counts them. */
    private long minutesApart(int chunk, int index) {
        return Math.abs((list.chunk(chunk).liveAt()[index - list.start(chunk)] - at) / 60);
    }
}
