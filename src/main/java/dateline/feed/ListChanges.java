package dateline.feed;

import static dateline.feed.RelatedIndex.BY_DATE;
import static dateline.feed.RelatedIndex.NONE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The articles that leave and enter one of {@link RelatedIndex}'s date-ordered lists: the old versions
 * leave by binary search, the new enter by merge, so the list is never sorted again; only the chunks
 * they fall in are copied.
 */
final class ListChanges {
    final List<IndexedArticle> removed = new ArrayList<>();
    final List<IndexedArticle> added = new ArrayList<>();

    /** The list with these changes made: new chunks where they fall, the others shared with {@code list}. */
    DatedList applyTo(DatedList list) {
        Map<Integer, ListChanges> byChunk = new TreeMap<>();
        for (IndexedArticle n : removed) {
            int c = list.chunkFor(n);
            if (c < list.chunkCount()) {
                byChunk.computeIfAbsent(c, k -> new ListChanges()).removed.add(n);
            }
        }
        for (IndexedArticle n : added) {
            // After every entry: the last chunk takes it (or the first, in an empty list).
            int c = Math.max(0, Math.min(list.chunkFor(n), list.chunkCount() - 1));
            byChunk.computeIfAbsent(c, k -> new ListChanges()).added.add(n);
        }
        if (byChunk.isEmpty()) {
            return list;
        }
        List<DatedList.Chunk> chunks = new ArrayList<>(list.chunkCount() + byChunk.size());
        int next = 0;
        for (Map.Entry<Integer, ListChanges> changed : byChunk.entrySet()) {
            int c = changed.getKey();
            while (next < c) {
                chunks.add(list.chunk(next++));
            }
            IndexedArticle[] entries = changed.getValue().applyTo(c < list.chunkCount() ? list.chunk(c).articles() : NONE);
            // A chunk grown past the limit splits evenly, so that the next entries there do not split it again at once.
            int pieces = (entries.length + DatedList.CHUNK - 1) / DatedList.CHUNK;
            for (int p = 0; p < pieces; p++) {
                chunks.add(DatedList.Chunk.of(Arrays.copyOfRange(entries, entries.length * p / pieces, entries.length * (p + 1) / pieces)));
            }
            next = c + 1;
        }
        while (next < list.chunkCount()) {
            chunks.add(list.chunk(next++));
        }
        return new DatedList(chunks.toArray(new DatedList.Chunk[0]));
    }

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
