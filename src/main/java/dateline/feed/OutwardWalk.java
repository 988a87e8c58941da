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
    /**
     * List index of the next entry on each side, the chunk holding it (while the index lies in the list),
     * and that chunk's dates and first index, read on every step.
     */
    private int before;
    private int beforeChunk;
    private long[] beforeDates;
    private int beforeStart;
    private int after;
    private int afterChunk;
    private long[] afterDates;
    private int afterStart;
    private DatedList.Chunk current;
    private int currentOffset;

    OutwardWalk(DatedList list, long epochSecond, Instant from, Instant to) {
        this.list = list;
        this.at = epochSecond;
        this.first = list.upTo(from.getEpochSecond() - 1);
        this.end = list.upTo(to.getEpochSecond());
        this.before = Math.max(first, Math.min(list.upTo(epochSecond), end)) - 1;
        this.after = before + 1;
        if (before >= 0) {
            enterBefore(list.chunkOf(before));
        }
        if (after < list.size()) {
            enterAfter(list.chunkOf(after));
        }
    }

    /** How many minutes away the next entry lies; {@link #NONE_LEFT} when all were read. */
    long nextApart() {
        return Math.min(before >= first ? minutesApart(beforeDates[before - beforeStart]) : NONE_LEFT,
                after < end ? minutesApart(afterDates[after - afterStart]) : NONE_LEFT);
    }

    /** Moves to the next entry ({@link #nextApart} says there is one). */
    void advance() {
        boolean earlier = after >= end
                || (before >= first && minutesApart(beforeDates[before - beforeStart]) <= minutesApart(afterDates[after - afterStart]));
        if (earlier) {
            moveTo(beforeChunk, before--);
            if (before >= 0 && before < beforeStart) {
                enterBefore(beforeChunk - 1);
            }
        } else {
            moveTo(afterChunk, after++);
            if (after < list.size() && after >= list.start(afterChunk + 1)) {
                enterAfter(afterChunk + 1);
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

    private void enterBefore(int chunk) {
        beforeChunk = chunk;
        beforeDates = list.chunk(chunk).liveAt();
        beforeStart = list.start(chunk);
    }

    private void enterAfter(int chunk) {
        afterChunk = chunk;
        afterDates = list.chunk(chunk).liveAt();
        afterStart = list.start(chunk);
    }

    private void moveTo(int chunk, int index) {
        current = list.chunk(chunk);
        currentOffset = index - list.start(chunk);
    }

    /** Whole minutes between an entry's delivery and the instant, as related headlines' recency counts them. */
    private long minutesApart(long liveAt) {
        return Math.abs((liveAt - at) / 60);
    }
}
