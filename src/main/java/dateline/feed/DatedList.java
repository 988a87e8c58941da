package dateline.feed;

import static dateline.feed.RelatedIndex.BY_DATE;

import java.util.Arrays;

/**
 * One of {@link RelatedIndex}'s date-ordered lists (a tag's or a section's articles), with each entry's
 * delivery instant and tag mask copied beside it in arrays of their own. A ranking reads hundreds of
 * entries per request and turns most away on those two numbers: read from the arrays, in order, they cost
 * no visit to each article's object elsewhere in the heap, which is what the walk paid for most.
 *
 * <p>The entries are kept in chunks of at most {@value #CHUNK}, never changed once made: a change to the
 * list makes new chunks for the few it touches and shares the rest ({@link ListChanges#applyTo(DatedList)}).
 * A whole-list copy per change cost a publish in a section of 28,000 articles half a megabyte of copying
 * and garbage, and under a stream of publishes it was the largest part of the related index's work.
 */
final class DatedList {
    static final int CHUNK = 256;
    static final DatedList EMPTY = new DatedList(new Chunk[0]);

    /** A run of the list's entries, in order. */
    record Chunk(IndexedArticle[] articles, long[] liveAt, long[] tagMasks) {
        static Chunk of(IndexedArticle[] articles) {
            long[] liveAt = new long[articles.length];
            long[] tagMasks = new long[articles.length];
            for (int i = 0; i < articles.length; i++) {
                liveAt[i] = articles[i].liveAt();
                tagMasks[i] = articles[i].tagMask();
            }
            return new Chunk(articles, liveAt, tagMasks);
        }

        int length() {
            return articles.length;
        }

        IndexedArticle last() {
            return articles[articles.length - 1];
        }
    }

    private final Chunk[] chunks;
    /** The list index of each chunk's first entry, and the list's size last. */
    private final int[] starts;
    /** Each chunk's last date, side by side: a search finds its chunk without visiting the others. */
    private final long[] lastLiveAt;

    DatedList(Chunk[] chunks) {
        this.chunks = chunks;
        this.starts = new int[chunks.length + 1];
        this.lastLiveAt = new long[chunks.length];
        for (int c = 0; c < chunks.length; c++) {
            starts[c + 1] = starts[c] + chunks[c].length();
            lastLiveAt[c] = chunks[c].last().liveAt();
        }
    }

    /** The list of these articles, already in date order. */
    static DatedList of(IndexedArticle[] sorted) {
        Chunk[] chunks = new Chunk[(sorted.length + CHUNK - 1) / CHUNK];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = Chunk.of(Arrays.copyOfRange(sorted, c * CHUNK, Math.min(sorted.length, (c + 1) * CHUNK)));
        }
        return new DatedList(chunks);
    }

    int size() {
        return starts[chunks.length];
    }

    int chunkCount() {
        return chunks.length;
    }

    Chunk chunk(int c) {
        return chunks[c];
    }

    /** The list index of chunk {@code c}'s first entry; {@link #size} for {@code c == chunkCount()}. */
    int start(int c) {
        return starts[c];
    }

    /** The chunk holding the entry at list index {@code index} (0 <= index < size). */
    int chunkOf(int index) {
        int c = Arrays.binarySearch(starts, 0, chunks.length, index);
        return c >= 0 ? c : -c - 2;
    }

    /** Every entry, in order, in one array (a ranking walks the chunks instead). */
    IndexedArticle[] articles() {
        IndexedArticle[] all = new IndexedArticle[size()];
        for (int c = 0; c < chunks.length; c++) {
            System.arraycopy(chunks[c].articles(), 0, all, starts[c], chunks[c].length());
        }
        return all;
    }

    /** How many entries lie at or before {@code epochSecond}. */
    int upTo(long epochSecond) {
        int low = 0;
        int high = chunks.length;
        while (low < high) { // the first chunk whose last entry lies after it
            int mid = (low + high) >>> 1;
            if (lastLiveAt[mid] <= epochSecond) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        if (low == chunks.length) {
            return size();
        }
        long[] liveAt = chunks[low].liveAt();
        int from = 0;
        int to = liveAt.length;
        while (from < to) {
            int mid = (from + to) >>> 1;
            if (liveAt[mid] <= epochSecond) {
                from = mid + 1;
            } else {
                to = mid;
            }
        }
        return starts[low] + from;
    }

    /** The chunk an entry ordered as {@code article} belongs in: the first whose last entry is not before it. */
    int chunkFor(IndexedArticle article) {
        int low = 0;
        int high = chunks.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (BY_DATE.compare(chunks[mid].last(), article) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
