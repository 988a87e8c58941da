package dateline.feed;

/**
 * One of {@link RelatedIndex}'s date-ordered lists (a tag's or a section's articles), with each entry's
 * delivery instant and tag mask copied beside it in arrays of their own. A ranking reads hundreds of
 * entries per request and turns most away on those two numbers: read from the arrays, in order, they cost
 * no visit to each article's object elsewhere in the heap, which is what the walk paid for most.
 */
record DatedList(IndexedArticle[] articles, long[] liveAt, long[] tagMasks) {
    static final DatedList EMPTY = of(RelatedIndex.NONE);

    static DatedList of(IndexedArticle[] articles) {
        long[] liveAt = new long[articles.length];
        long[] tagMasks = new long[articles.length];
        for (int i = 0; i < articles.length; i++) {
            liveAt[i] = articles[i].liveAt();
            tagMasks[i] = articles[i].tagMask();
        }
        return new DatedList(articles, liveAt, tagMasks);
    }

    /** How many entries lie at or before {@code epochSecond}. */
    int upTo(long epochSecond) {
        int low = 0;
        int high = liveAt.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (liveAt[mid] <= epochSecond) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
