package dateline.feed;

import java.time.Instant;

/**
 * A date-ordered list read outward from an instant: each {@link #advance} moves to the entry, of those in
 * [from, to] not read yet, fewest whole minutes away from it, before or after. The entry's date and tag
 * mask are read from the list's arrays; its article only when asked for.
 */
final class OutwardWalk {
    static final long NONE_LEFT = Long.MAX_VALUE;
    private final DatedList list;
    private final long at;
    private final int first;
    private final int end;
    private int before;
    private int after;
    private int current = -1;

    OutwardWalk(DatedList list, long epochSecond, Instant from, Instant to) {
        this.list = list;
        this.at = epochSecond;
        this.first = list.upTo(from.getEpochSecond() - 1);
        this.end = list.upTo(to.getEpochSecond());
        this.before = Math.max(first, Math.min(list.upTo(epochSecond), end)) - 1;
        this.after = before + 1;
    }

    /** How many minutes away the next entry lies; {@link #NONE_LEFT} when all were read. */
    long nextApart() {
        return Math.min(before >= first ? minutesApart(before) : NONE_LEFT, after < end ? minutesApart(after) : NONE_LEFT);
    }

    /** Moves to the next entry ({@link #nextApart} says there is one). */
    void advance() {
        boolean earlier = after >= end || (before >= first && minutesApart(before) <= minutesApart(after));
        current = earlier ? before-- : after++;
    }

    IndexedArticle article() {
        return list.articles()[current];
    }

    long liveAt() {
        return list.liveAt()[current];
    }

    long tagMask() {
        return list.tagMasks()[current];
    }

    /** Whole minutes between an entry's delivery and the instant, as related headlines' recency counts them. */
    private long minutesApart(int entry) {
        return Math.abs((list.liveAt()[entry] - at) / 60);
    }
}
