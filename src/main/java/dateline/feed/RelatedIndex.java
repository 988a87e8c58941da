package dateline.feed;

import dateline.common.http.DeliveryChanged;
import dateline.common.http.DependencyKeys;
import dateline.common.sql.JdbcValues;
import dateline.common.sql.NativeSql;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * What related headlines are ranked from, kept in memory: every article delivery shows or has scheduled,
 * with its date, section and tags, and per tag and per section those articles in date order. Ranking an
 * article's candidates is then a few binary searches and a walk over the ones near its date, where reading
 * them from the database took thousands of rows per request.
 *
 * <p>It follows committed changes ({@link DeliveryChanged}): an article's key marks it to be read again, and
 * "everything" (a term renamed or deleted, an import chunk) marks the whole index; both are read on the next
 * ranking, before anything is ranked, so a ranking never uses a copy older than the change that made the
 * response cache drop its previous answer. About 100 bytes an article: 10 MB for 100,000.
 */
@ApplicationScoped
public class RelatedIndex {
    private static final Comparator<Node> BY_DATE = Comparator.comparingLong(Node::liveAt).thenComparing(Node::id);
    private static final Node[] NONE = new Node[0];
    private static final int REFRESH_CHUNK = 500;

    /** An indexed article: its delivery instant (epoch seconds), section and tags. */
    record Node(UUID id, long liveAt, UUID section, UUID[] tags) {
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<UUID, Node> nodes = new HashMap<>();
    private final Map<UUID, Node[]> byTag = new HashMap<>();
    private final Map<UUID, Node[]> bySection = new HashMap<>();
    private final Set<UUID> stale = ConcurrentHashMap.newKeySet();
    private volatile boolean rebuild = true;

    void changed(@Observes DeliveryChanged change) {
        if (change.everything()) {
            rebuild = true;
            return;
        }
        for (String key : change.keys()) {
            UUID article = DependencyKeys.articleId(key);
            if (article != null) {
                stale.add(article);
            }
        }
    }

    /** Runs {@code reading} against an index that reflects every change committed before this call. */
    void read(Consumer<View> reading) {
        catchUp();
        lock.readLock().lock();
        try {
            reading.accept(new View());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** What a ranking asks of the index, under its read lock. */
    final class View {
        /** How many live articles carry the tag. */
        int liveWithTag(UUID tag, Instant now) {
            Node[] list = byTag.getOrDefault(tag, NONE);
            return upTo(list, now.getEpochSecond());
        }

        /** The articles with this tag whose delivery instant lies in [from, to], each given to {@code each}. */
        void withTag(UUID tag, Instant from, Instant to, Consumer<Node> each) {
            walk(byTag.getOrDefault(tag, NONE), from, to, each);
        }

        void inSection(UUID section, Instant from, Instant to, Consumer<Node> each) {
            walk(bySection.getOrDefault(section, NONE), from, to, each);
        }
    }

    private static void walk(Node[] list, Instant from, Instant to, Consumer<Node> each) {
        long end = to.getEpochSecond();
        for (int i = upTo(list, from.getEpochSecond() - 1); i < list.length && list[i].liveAt() <= end; i++) {
            each.accept(list[i]);
        }
    }

    /** How many entries of a date-ordered list lie at or before {@code epochSecond}. */
    private static int upTo(Node[] list, long epochSecond) {
        int low = 0;
        int high = list.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (list[mid].liveAt() <= epochSecond) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void catchUp() {
        if (!rebuild && stale.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            if (rebuild) {
                // Cleared first: a change committed while the rows are read marks the index again.
                rebuild = false;
                stale.clear();
                nodes.clear();
                nodes.putAll(load(null));
                byTag.clear();
                bySection.clear();
                reindex(nodes.values(), Set.of());
            } else if (!stale.isEmpty()) {
                List<UUID> ids = new ArrayList<>(stale);
                stale.removeAll(ids);
                Set<UUID> touched = new HashSet<>(ids);
                List<Node> before = ids.stream().map(nodes::get).filter(java.util.Objects::nonNull).toList();
                Map<UUID, Node> fresh = new HashMap<>();
                for (int i = 0; i < ids.size(); i += REFRESH_CHUNK) {
                    fresh.putAll(load(ids.subList(i, Math.min(ids.size(), i + REFRESH_CHUNK))));
                }
                ids.forEach(nodes::remove);
                nodes.putAll(fresh);
                List<Node> changed = new ArrayList<>(before);
                changed.addAll(fresh.values());
                reindex(changed, touched);
            }
        } catch (RuntimeException e) {
            rebuild = true; // the database did not answer: read everything again next time
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Rebuilds the tag and section lists the given nodes (old and new versions) belong to: their entries
     * for {@code touched} articles are replaced by the current ones.
     */
    private void reindex(java.util.Collection<Node> changed, Set<UUID> touched) {
        Set<UUID> tags = new HashSet<>();
        Set<UUID> sections = new HashSet<>();
        for (Node n : changed) {
            tags.addAll(Arrays.asList(n.tags()));
            if (n.section() != null) {
                sections.add(n.section());
            }
        }
        Map<UUID, List<Node>> tagLists = new HashMap<>();
        Map<UUID, List<Node>> sectionLists = new HashMap<>();
        for (UUID tag : tags) {
            tagLists.put(tag, keep(byTag.get(tag), touched));
        }
        for (UUID section : sections) {
            sectionLists.put(section, keep(bySection.get(section), touched));
        }
        for (Node n : touched.isEmpty() ? changed : touched.stream().map(nodes::get).filter(java.util.Objects::nonNull).toList()) {
            for (UUID tag : n.tags()) {
                tagLists.get(tag).add(n);
            }
            if (n.section() != null) {
                sectionLists.get(n.section()).add(n);
            }
        }
        tagLists.forEach((tag, list) -> byTag.put(tag, sorted(list)));
        sectionLists.forEach((section, list) -> bySection.put(section, sorted(list)));
    }

    private static List<Node> keep(Node[] list, Set<UUID> touched) {
        List<Node> kept = new ArrayList<>();
        if (list != null) {
            for (Node n : list) {
                if (!touched.contains(n.id())) {
                    kept.add(n);
                }
            }
        }
        return kept;
    }

    private static Node[] sorted(List<Node> list) {
        Node[] array = list.toArray(NONE);
        Arrays.sort(array, BY_DATE);
        return array;
    }

    /** The delivered or scheduled articles among {@code ids} (all of them when null), with their tags. */
    private static Map<UUID, Node> load(List<UUID> ids) {
        var em = Panache.getEntityManager();
        Object[] values = ids == null ? new Object[0] : ids.toArray();
        String in = ids == null ? "" : " in (" + NativeSql.placeholders(ids.size()) + ")";
        Map<UUID, List<UUID>> tags = new HashMap<>();
        // A tag row carries its article's delivery instant, null while the article is not delivered.
        new NativeSql().append("select t.article_id, t.tag_id from article_tag t where t.published_at is not null"
                        + (ids == null ? "" : " and t.article_id" + in), values)
                .list(em, row -> tags.computeIfAbsent(JdbcValues.uuid(row, 1), k -> new ArrayList<>()).add(JdbcValues.uuid(row, 2)));
        Map<UUID, Node> loaded = new HashMap<>();
        new NativeSql().append("select a.id, a.live_at, a.section_id from article a where a.live_at is not null"
                        + (ids == null ? "" : " and a.id" + in), values)
                .list(em, row -> {
                    UUID id = JdbcValues.uuid(row, 1);
                    return loaded.put(id, new Node(id, JdbcValues.instant(row, 2).getEpochSecond(), JdbcValues.uuid(row, 3),
                            tags.getOrDefault(id, List.of()).toArray(new UUID[0])));
                });
        return loaded;
    }
}
