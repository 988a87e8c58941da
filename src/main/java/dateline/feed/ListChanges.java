package dateline.feed;

import static dateline.feed.RelatedIndex.BY_DATE;
import static dateline.feed.RelatedIndex.NONE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The articles that leave and enter one of {@link RelatedIndex}'s date-ordered lists: the old versions
 * leave by binary search, the new enter by merge, so the list is copied once and never sorted again.
 */
final class ListChanges {
    final List<IndexedArticle> removed = new ArrayList<>();
    final List<IndexedArticle> added = new ArrayList<>();

    IndexedArticle[] applyTo(IndexedArticle[] list) {
        int[] gone = removed.stream().mapToInt(n -> Arrays.binarySearch(list, n, BY_DATE)).filter(i -> i >= 0)
                .distinct().sorted().toArray();
        IndexedArticle[] kept = new IndexedArticle[list.length - gone.length];
        int from = 0;
        int to = 0;
        for (int g : gone) {
            System.arraycopy(list, from, kept, to, g - from);
            to += g - from;
            from = g + 1;
        }
        System.arraycopy(list, from, kept, to, list.length - from);
        IndexedArticle[] entering = added.toArray(NONE);
        Arrays.sort(entering, BY_DATE);
        IndexedArticle[] result = new IndexedArticle[kept.length + entering.length];
        int read = 0;
        int written = 0;
        for (IndexedArticle n : entering) {
            int at = Arrays.binarySearch(kept, read, kept.length, n, BY_DATE);
            int insert = at >= 0 ? at : -at - 1;
            System.arraycopy(kept, read, result, written, insert - read);
            written += insert - read;
            read = insert;
            result[written++] = n;
        }
        System.arraycopy(kept, read, result, written, kept.length - read);
        return result;
    }
}
