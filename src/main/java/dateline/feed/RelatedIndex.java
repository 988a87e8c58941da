package dateline.feed;

import dateline.article.ArticleOutline;
import dateline.article.Headline;
import dateline.common.http.DeliveryChanged;
import dateline.common.http.DependencyKeys;
import dateline.common.sql.JdbcValues;
import dateline.common.sql.NativeSql;
import dateline.config.DatelineConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What related headlines are ranked from, kept in memory: every article delivery shows or has scheduled,
 * with its date, section and tags, and per tag and per section those articles in date order. Ranking an
 * article's candidates is then a few binary searches and a walk over the ones near its date, where reading
 * them from the database took thousands of rows per request. Each article's outline (its slug, language,
 * translation group, section and tags with their slugs, curated related ids) and its headline (what a
 * related list shows of it) are kept beside it, so a live article's related list is answered from here
 * alone, with no statement per request.
 *
 * <p>It follows committed changes ({@link DeliveryChanged}): an article's key marks it to be read again, and
 * "everything" (a term renamed or deleted, an import chunk) marks the whole index; both are read before the
 * next ranking that started after them, so a ranking never uses a copy older than the change that made the
 * response cache drop its previous answer. Changes committed through other instances arrive the same way
 * (the cluster listener); rows changed in the database by anything else are looked for every max-age
 * seconds ({@link #sweep}). Measured: 97 MB of heap for 100,000 articles, 27 MB of it the headlines.
 */
@ApplicationScoped
public class RelatedIndex {
    static final Comparator<IndexedArticle> BY_DATE = Comparator.comparingLong(IndexedArticle::liveAt).thenComparing(IndexedArticle::id);
    static final IndexedArticle[] NONE = new IndexedArticle[0];
    private static final int REFRESH_CHUNK = 500;
    private static final Duration SWEEP_OVERLAP = Duration.ofMinutes(1);

    /**
     * The index's maps, replaced whole by a rebuild; single lists are replaced one by one in between.
     * {@code terms} shares one {@link ArticleOutline.Term} per section or tag among the outlines (a rename
     * or deletion rebuilds the index).
     */
    private record State(Map<UUID, IndexedArticle> nodes, Map<UUID, DatedList> byTag, Map<UUID, DatedList> bySection,
                         Map<UUID, IndexedOutline> outlines, Map<String, IndexedOutline> bySlug, Map<UUID, ArticleOutline.Term> terms) {
        static State empty() {
            return new State(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                    new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    private volatile State state = State.empty();
    private final Set<UUID> stale = ConcurrentHashMap.newKeySet();
    private volatile boolean rebuild = true;
    /** Counts the changes marked; {@link #applied} is the count the index reflects. */
    private final AtomicLong marked = new AtomicLong(1);
    private volatile long applied;
    private final Object refreshing = new Object();
    private final Clock clock;
    private final Duration sweepEvery;
    /** When articles changed through other instances were last looked for (epoch ms; 0: not yet). */
    private volatile long sweptAt;

    RelatedIndex(Clock clock, DatelineConfig config) {
        this.clock = clock;
        this.sweepEvery = Duration.ofSeconds(Math.max(1, config.cache().maxAge()));
    }

    void changed(@Observes DeliveryChanged change) {
        if (change.everything()) {
            rebuild = true;
        } else {
            for (String key : change.keys()) {
                UUID article = DependencyKeys.articleId(key);
                if (article != null) {
                    stale.add(article);
                }
            }
        }
        marked.incrementAndGet(); // after the ids: whoever sees the count finds them marked
    }

    /**
     * Runs {@code reading} against an index that reflects every change committed before this call. A
     * reading waits only while changes it must see are being read; the rest never block each other.
     */
    void read(Consumer<View> reading) {
        if (sweptAt != 0 && clock.instant().toEpochMilli() - sweptAt >= sweepEvery.toMillis()) {
            sweep();
        }
        long wanted = marked.get();
        if (applied < wanted) {
            catchUp(wanted);
        }
        reading.accept(new View(state));
    }

    /**
     * The outline of the article delivery shows under {@code slug} now, as of every change committed before
     * this call; empty for anything else (an old slug, an article not out yet or gone, an unknown slug),
     * which the database answers with its own status.
     */
    Optional<ArticleOutline> outline(String slug, Instant now) {
        List<ArticleOutline> found = new ArrayList<>(1);
        read(view -> {
            IndexedOutline indexed = view.state.bySlug().get(slug);
            if (indexed != null && !indexed.liveAt().isAfter(now)) {
                found.add(indexed.outline());
            }
        });
        return found.stream().findFirst();
    }

    /** A view of these nodes alone, indexed as a rebuild indexes them: what a ranking can be checked against. */
    static View of(java.util.Collection<IndexedArticle> nodes) {
        State built = State.empty();
        nodes.forEach(n -> built.nodes().put(n.id(), n));
        index(built);
        return new View(built);
    }

    /** What a ranking asks of the index. */
    static final class View {
        private final State state;

        private View(State state) {
            this.state = state;
        }

        /** The outline of a delivered or scheduled article; null for any other. */
        ArticleOutline outlineOf(UUID id) {
            IndexedOutline indexed = state.outlines().get(id);
            return indexed == null ? null : indexed.outline();
        }

        /** The headline of an article delivery shows at {@code now}; null for any other. */
        Headline liveHeadline(UUID id, Instant now) {
            IndexedOutline indexed = state.outlines().get(id);
            return indexed == null || indexed.liveAt().isAfter(now) ? null : indexed.headline();
        }

        /** How many live articles carry the tag. */
        int liveWithTag(UUID tag, Instant now) {
            return state.byTag().getOrDefault(tag, DatedList.EMPTY).upTo(now.getEpochSecond());
        }

        /** The tag's articles in [from, to], read outward from {@code epochSecond}. */
        OutwardWalk outwardWithTag(UUID tag, long epochSecond, Instant from, Instant to) {
            return new OutwardWalk(state.byTag().getOrDefault(tag, DatedList.EMPTY), epochSecond, from, to);
        }

        /** The section's articles in [from, to], read outward from {@code epochSecond}. */
        OutwardWalk outwardInSection(UUID section, long epochSecond, Instant from, Instant to) {
            return new OutwardWalk(state.bySection().getOrDefault(section, DatedList.EMPTY), epochSecond, from, to);
        }
    }

    /**
     * Another instance's writes reach this one only through the database: every max-age seconds (the
     * bound within which instances' response caches agree, see docs/operations.md) the articles updated
     * since the last look are read again. The look reaches back a minute further, for transactions that
     * committed after it had passed their update instant.
     */
    private void sweep() {
        synchronized (refreshing) {
            long now = clock.instant().toEpochMilli();
            if (now - sweptAt < sweepEvery.toMillis()) {
                return;
            }
            Instant since = Instant.ofEpochMilli(sweptAt).minus(SWEEP_OVERLAP);
            sweptAt = now;
            new NativeSql().append("select a.id from article a where a.updated_at >= ?", since)
                    .list(Panache.getEntityManager(), row -> stale.add(JdbcValues.uuid(row, 1)));
            marked.incrementAndGet();
        }
    }

    /**
     * Reads what changed, one reader at a time, while rankings go on against the lists as they are: a
     * ranking that needs these changes waits here, one that does not uses lists that are each either
     * before or after them (its response is older than the changes, so the cache drops it with them).
     */
    private void catchUp(long wanted) {
        synchronized (refreshing) {
            if (applied >= wanted) {
                return; // another reading brought it up to date meanwhile
            }
            long upTo = marked.get();
            boolean all = rebuild;
            rebuild = false;
            List<UUID> ids = new ArrayList<>(stale);
            stale.removeAll(ids);
            try {
                if (all) {
                    sweptAt = clock.instant().toEpochMilli();
                    State fresh = State.empty();
                    IndexRows.load(null, fresh.terms()).values().forEach(loaded -> put(fresh, loaded));
                    index(fresh);
                    state = fresh;
                } else if (!ids.isEmpty()) {
                    refresh(ids);
                }
                applied = upTo;
            } catch (RuntimeException e) {
                rebuild = true; // the database did not answer: read everything again next time
                throw e;
            }
        }
    }

    private void refresh(List<UUID> ids) {
        State current = state;
        Map<UUID, IndexRows.Loaded> fresh = new HashMap<>();
        for (int i = 0; i < ids.size(); i += REFRESH_CHUNK) {
            fresh.putAll(IndexRows.load(ids.subList(i, Math.min(ids.size(), i + REFRESH_CHUNK)), current.terms()));
        }
        // Per list, the old versions leave and the new ones enter: only the chunks they fall in are copied, nothing re-sorted.
        Map<UUID, ListChanges> tags = new HashMap<>();
        Map<UUID, ListChanges> sections = new HashMap<>();
        for (UUID id : ids) {
            IndexedArticle before = current.nodes().get(id);
            IndexRows.Loaded loaded = fresh.get(id);
            IndexedArticle after = loaded == null ? null : loaded.node();
            IndexedOutline outlineBefore = current.outlines().remove(id);
            if (outlineBefore != null) {
                // Only its own entry: a slug released by one article may be another's by now.
                current.bySlug().remove(outlineBefore.slug(), outlineBefore);
            }
            if (before != null) {
                Arrays.stream(before.tags()).forEach(t -> tags.computeIfAbsent(t, k -> new ListChanges()).removed.add(before));
                if (before.section() != null) {
                    sections.computeIfAbsent(before.section(), k -> new ListChanges()).removed.add(before);
                }
            }
            if (after != null) {
                Arrays.stream(after.tags()).forEach(t -> tags.computeIfAbsent(t, k -> new ListChanges()).added.add(after));
                if (after.section() != null) {
                    sections.computeIfAbsent(after.section(), k -> new ListChanges()).added.add(after);
                }
                put(current, loaded);
            } else {
                current.nodes().remove(id);
            }
        }
        tags.forEach((tag, c) -> current.byTag().put(tag, c.applyTo(current.byTag().getOrDefault(tag, DatedList.EMPTY))));
        sections.forEach((section, c) -> current.bySection().put(section, c.applyTo(current.bySection().getOrDefault(section, DatedList.EMPTY))));
    }

    private static void put(State into, IndexRows.Loaded loaded) {
        into.nodes().put(loaded.node().id(), loaded.node());
        into.outlines().put(loaded.node().id(), loaded.outline());
        into.bySlug().put(loaded.outline().slug(), loaded.outline());
    }

    /** Builds every tag and section list from the nodes. */
    private static void index(State into) {
        Map<UUID, List<IndexedArticle>> tagLists = new HashMap<>();
        Map<UUID, List<IndexedArticle>> sectionLists = new HashMap<>();
        for (IndexedArticle n : into.nodes().values()) {
            for (UUID tag : n.tags()) {
                tagLists.computeIfAbsent(tag, k -> new ArrayList<>()).add(n);
            }
            if (n.section() != null) {
                sectionLists.computeIfAbsent(n.section(), k -> new ArrayList<>()).add(n);
            }
        }
        tagLists.forEach((tag, list) -> into.byTag().put(tag, sorted(list)));
        sectionLists.forEach((section, list) -> into.bySection().put(section, sorted(list)));
    }

    private static DatedList sorted(List<IndexedArticle> list) {
        IndexedArticle[] array = list.toArray(NONE);
        Arrays.sort(array, BY_DATE);
        return DatedList.of(array);
    }
}
