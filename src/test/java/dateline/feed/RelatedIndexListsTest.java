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
    private static final Comparator<RelatedIndex.Node> BY_DATE =
            Comparator.comparingLong(RelatedIndex.Node::liveAt).thenComparing(RelatedIndex.Node::id);

    @Test
    void updatedListsEqualListsBuiltFromScratch() {
        Random random = new Random(7);
        List<RelatedIndex.Node> current = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            current.add(node(random));
        }
        current.sort(BY_DATE);
        RelatedIndex.Node[] list = current.toArray(new RelatedIndex.Node[0]);
        for (int round = 0; round < 200; round++) {
            ListChanges changes = new ListChanges();
            for (int i = 0; i < random.nextInt(5) && !current.isEmpty(); i++) {
                changes.removed.add(current.remove(random.nextInt(current.size()))); // unpublished, or moved
            }
            for (int i = 0; i < random.nextInt(5); i++) {
                RelatedIndex.Node fresh = random.nextBoolean() || current.isEmpty()
                        ? node(random)
                        : new RelatedIndex.Node(UUID.randomUUID(), current.get(random.nextInt(current.size())).liveAt(), null,
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
        RelatedIndex.Node early = new RelatedIndex.Node(UUID.randomUUID(), 100, null, new UUID[0]);
        RelatedIndex.Node late = new RelatedIndex.Node(UUID.randomUUID(), 300, null, new UUID[0]);
        RelatedIndex.Node before = new RelatedIndex.Node(id, 50, null, new UUID[0]);
        RelatedIndex.Node after = new RelatedIndex.Node(id, 200, null, new UUID[0]);
        ListChanges changes = new ListChanges();
        changes.removed.add(before);
        changes.added.add(after);
        assertArrayEquals(new Object[] {early, after, late}, changes.applyTo(new RelatedIndex.Node[] {before, early, late}));
    }

    private static RelatedIndex.Node node(Random random) {
        return new RelatedIndex.Node(UUID.randomUUID(), random.nextInt(1000), null, new UUID[0]);
    }
}
