package dateline.feed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
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

    @Test
    void chunkedListsStayInOrderAndCopyOnlyTheChunksAChangeFallsIn() {
        Random random = new Random(11);
        List<IndexedArticle> current = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            current.add(node(random, 100_000));
        }
        current.sort(BY_DATE);
        DatedList list = DatedList.of(current.toArray(new IndexedArticle[0]));
        for (int round = 0; round < 300; round++) {
            ListChanges changes = new ListChanges();
            for (int i = 0; i < random.nextInt(4) && !current.isEmpty(); i++) {
                changes.removed.add(current.remove(random.nextInt(current.size())));
            }
            for (int i = 0; i < random.nextInt(8); i++) {
                // Mostly the newest, as publishes come; some backdated; some at another article's instant.
                IndexedArticle fresh = switch (random.nextInt(3)) {
                    case 0 -> new IndexedArticle(UUID.randomUUID(), 100_000 + round, null, new UUID[0]);
                    case 1 -> node(random, 100_000);
                    default -> new IndexedArticle(UUID.randomUUID(), current.get(random.nextInt(current.size())).liveAt(), null, new UUID[0]);
                };
                changes.added.add(fresh);
                current.add(fresh);
            }
            list = changes.applyTo(list);
            current.sort(BY_DATE);
            assertArrayEquals(current.toArray(), list.articles(), "round " + round);
            for (int c = 0; c < list.chunkCount(); c++) {
                DatedList.Chunk chunk = list.chunk(c);
                assertTrue(chunk.length() > 0 && chunk.length() <= DatedList.CHUNK, "chunk " + c + " holds " + chunk.length());
                for (int i = 0; i < chunk.length(); i++) {
                    assertEquals(chunk.articles()[i].liveAt(), chunk.liveAt()[i]);
                }
            }
            long t = random.nextInt(100_400);
            assertEquals(current.stream().filter(n -> n.liveAt() <= t).count(), list.upTo(t), "entries up to " + t);
        }

        DatedList before = list;
        ListChanges publish = new ListChanges();
        publish.added.add(new IndexedArticle(UUID.randomUUID(), 200_000, null, new UUID[0]));
        DatedList after = publish.applyTo(before);
        for (int c = 0; c < before.chunkCount() - 1; c++) {
            assertSame(before.chunk(c), after.chunk(c), "a publish leaves every chunk but the newest as it was");
        }
    }

    @Test
    void anOutwardWalkAcrossChunksReadsEveryEntryInItsWindowOnceNearestFirst() {
        Random random = new Random(3);
        List<IndexedArticle> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            all.add(node(random, 2_000_000));
        }
        all.sort(BY_DATE);
        DatedList full = DatedList.of(all.toArray(new IndexedArticle[0]));
        ListChanges uneven = new ListChanges(); // chunks of several sizes, as changes leave them
        for (int i = 0; i < 400; i++) {
            uneven.added.add(node(random, 2_000_000));
        }
        DatedList list = uneven.applyTo(full);
        all.addAll(uneven.added);
        all.sort(BY_DATE);
        for (int round = 0; round < 50; round++) {
            long at = random.nextInt(2_000_000);
            long from = random.nextInt(2_000_000);
            long to = from + random.nextInt(1_000_000);
            OutwardWalk walk = new OutwardWalk(list, at, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to));
            List<IndexedArticle> read = new ArrayList<>();
            long lastApart = -1;
            for (long apart = walk.nextApart(); apart != OutwardWalk.NONE_LEFT; apart = walk.nextApart()) {
                assertTrue(apart >= lastApart, "nearest first");
                lastApart = apart;
                walk.advance();
                assertEquals(walk.article().liveAt(), walk.liveAt());
                assertEquals(Math.abs((walk.liveAt() - at) / 60), apart);
                read.add(walk.article());
            }
            List<IndexedArticle> window = all.stream().filter(n -> n.liveAt() >= from && n.liveAt() <= to).toList();
            read.sort(BY_DATE);
            assertEquals(window, read, "round " + round);
        }
    }

    private static IndexedArticle node(Random random, int span) {
        return new IndexedArticle(UUID.randomUUID(), random.nextInt(span), null, new UUID[0]);
    }

    private static IndexedArticle node(Random random) {
        return new IndexedArticle(UUID.randomUUID(), random.nextInt(1000), null, new UUID[0]);
    }
}
