package dateline.feed;

import java.time.Instant;

/**
 * A date-ordered list read outward from an instant: each {@link #next} is, of the entries in [from, to]
 * not read yet, the one fewest whole minutes away from it, before or after.
 */
final class OutwardWalk {
    static final long NONE_LEFT = Long.MAX_VALUE;
    private final IndexedArticle[] list;
    private final long at;
    private final int first;
    private final int end;
    private int before;
    private int after;

    OutwardWalk(IndexedArticle[] list, long epochSecond, Instant from, Instant to) {
        this.list = list;
        this.at = epochSecond;
        this.first = RelatedIndex.upTo(list, from.getEpochSecond() - 1);
        this.end = RelatedIndex.upTo(list, to.getEpochSecond());
        this.before = Math.max(first, Math.min(RelatedIndex.upTo(list, epochSecond), end)) - 1;
        this.after = before + 1;
    }

    /** How many minutes away the next entry lies; {@link #NONE_LEFT} when all were read. */
    long nextApart() {
        return Math.min(before >= first ? minutesApart(list[before], at) : NONE_LEFT, after < end ? minutesApart(list[after], at) : NONE_LEFT);
    }

    IndexedArticle next() {
        boolean earlier = after >= end || (before >= first && minutesApart(list[before], at) <= minutesApart(list[after], at));
        return earlier ? list[before--] : list[after++];
    }

    /** Whole minutes between an article's delivery and an instant, as related headlines' recency counts them. */
    static long minutesApart(IndexedArticle n, long epochSecond) {
        return Math.abs((n.liveAt() - epochSecond) / 60);
    }
}
