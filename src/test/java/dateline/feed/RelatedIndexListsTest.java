package dateline.feed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A tag's or section's list stays in date order, with exactly its current articles, as articles change. */
class RelatedIndexListsTest {
    private static final Comparator<IndexedArticle> BY_DATE =
            Comparator.comparingLong(IndexedArticle::liveAt).thenComparing(IndexedArticle::id);

    @Test
    void updatedListsEqualListsBuiltFromScratch() {
        Random random = new Random(7);
        List<IndexedArticle> current = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            current.add(node(random));
        }
        current.sort(BY_DATE);
        IndexedArticle[] list = current.toArray(new IndexedArticle[0]);
        for (int round = 0; round < 200; round++) {
            ListChanges changes = new ListChanges();
            for (int i = 0; i < random.nextInt(5) && !current.isEmpty(); i++) {
                changes.removed.add(current.remove(random.nextInt(current.size()))); // unpublished, or moved
            }
            for (int i = 0; i < random.nextInt(5); i++) {
                IndexedArticle fresh = random.nextBoolean() || current.isEmpty()
                        ? node(random)
                        : new IndexedArticle(UUID.randomUUID(), current.get(random.nextInt(current.size())).liveAt(), null,
                                new UUID[0]); // the same instant as another article: the id orders them
                changes.added.add(fresh);
                current.add(fresh);
            }
            list = changes.applyTo(list);
            current.sort(BY_DATE);
            assertArrayEquals(current.toArray(), list, "round " + round);
        }
    }

    @Test
    void anArticleWhoseDateChangesMovesToItsNewPlace() {
        UUID id = UUID.randomUUID();
        IndexedArticle early = new IndexedArticle(UUID.randomUUID(), 100, null, new UUID[0]);
        IndexedArticle late = new IndexedArticle(UUID.randomUUID(), 300, null, new UUID[0]);
        IndexedArticle before = new IndexedArticle(id, 50, null, new UUID[0]);
        IndexedArticle after = new IndexedArticle(id, 200, null, new UUID[0]);
        ListChanges changes = new ListChanges();
        changes.removed.add(before);
        changes.added.add(after);
        assertArrayEquals(new Object[] {early, after, late}, changes.applyTo(new IndexedArticle[] {before, early, late}));
    }

    private static IndexedArticle node(Random random) {
        return new IndexedArticle(UUID.randomUUID(), random.nextInt(1000), null, new UUID[0]);
    }
}
