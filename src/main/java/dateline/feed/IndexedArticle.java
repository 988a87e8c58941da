package dateline.feed;

import java.util.UUID;

/**
 * An article as the {@link RelatedIndex} holds it: its delivery instant (epoch seconds), section and tags.
 * {@code tagBits} holds the tags' bits, two longs each, so that ranking, which asks this of hundreds of
 * candidates per request, compares numbers in one array instead of reaching a UUID object per tag; and
 * {@code tagMask} one bit per tag ({@link #maskBit}), copied into each list that holds the article
 * ({@link DatedList}), so that most answers need neither: a candidate carries few of the article's tags.
 */
record IndexedArticle(UUID id, long liveAt, UUID section, UUID[] tags, long[] tagBits, long tagMask) {
    IndexedArticle(UUID id, long liveAt, UUID section, UUID[] tags) {
        this(id, liveAt, section, tags, bitsOf(tags), maskOf(tags));
    }

    /** The tag's bit in {@code tagMask}: one of 64, from the tag id's own random bits. */
    static long maskBit(long msb, long lsb) {
        return 1L << ((msb ^ lsb) & 63);
    }

    /** Whether the article carries the tag whose bits are {@code msb} and {@code lsb} (ask the mask first). */
    boolean carries(long msb, long lsb) {
        for (int i = 0; i < tagBits.length; i += 2) {
            if (tagBits[i] == msb && tagBits[i + 1] == lsb) {
                return true;
            }
        }
        return false;
    }

    private static long maskOf(UUID[] tags) {
        long mask = 0;
        for (UUID tag : tags) {
            mask |= maskBit(tag.getMostSignificantBits(), tag.getLeastSignificantBits());
        }
        return mask;
    }

    private static long[] bitsOf(UUID[] tags) {
        long[] bits = new long[tags.length * 2];
        for (int i = 0; i < tags.length; i++) {
            bits[2 * i] = tags[i].getMostSignificantBits();
            bits[2 * i + 1] = tags[i].getLeastSignificantBits();
        }
        return bits;
    }
}
