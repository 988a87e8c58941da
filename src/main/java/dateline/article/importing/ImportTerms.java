package dateline.article.importing;

import dateline.author.Author;
import dateline.author.AuthorCatalog;
import dateline.common.slug.Slugs;
import dateline.common.term.Term;
import dateline.common.term.TermCatalog;
import dateline.section.Section;
import dateline.section.SectionCatalog;
import dateline.tag.Tag;
import dateline.tag.TagCatalog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What one import knows of the sections, tags and authors its lines name: their ids by the reference the
 * file uses, looked up once per import rather than once per line, and created when the import asks for
 * missing ones. Ids reach this map only once the transaction that found or made them has committed, so
 * every writer may use them. Terms a transaction creates are kept in its own map ({@code created}) until then.
 */
final class ImportTerms {
    private final SectionCatalog sections;
    private final TagCatalog tags;
    private final AuthorCatalog authors;
    private final boolean createMissing;
    private final Map<TermCatalog<?>, Map<String, String>> ids = new ConcurrentHashMap<>();

    ImportTerms(SectionCatalog sections, TagCatalog tags, AuthorCatalog authors, boolean createMissing) {
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.createMissing = createMissing;
    }

    /** Looks up, once, the terms the chunk names that this import has not met: those that exist need no lone writer. */
    void learn(List<ArticleRecord> chunk) {
        Map<TermCatalog<?>, List<String>> unseen = new HashMap<>();
        refs(chunk).forEach((catalog, refs) -> {
            List<String> missing = refs.stream().filter(ref -> !idsOf(catalog).containsKey(ref)).toList();
            if (!missing.isEmpty()) {
                unseen.put(catalog, missing);
            }
        });
        if (unseen.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> unseen.forEach((catalog, refs) -> refs.forEach(ref ->
                catalog.resolve(ref).ifPresent(term -> known(catalog).put(ref, term.id.toString())))));
    }

    /** Whether the chunk names a term this import does not know yet (it may create it). */
    boolean namesUnseen(List<ArticleRecord> chunk) {
        return refs(chunk).entrySet().stream().anyMatch(e -> !idsOf(e.getKey()).keySet().containsAll(e.getValue()));
    }

    /** Loads the chunk's known terms into the persistence context with one query per kind. */
    void preload(List<ArticleRecord> chunk) {
        refs(chunk).forEach((catalog, refs) -> catalog.preload(
                refs.stream().map(idsOf(catalog)::get).filter(Objects::nonNull).map(UUID::fromString).toList()));
    }

    /** Terms a transaction created, now committed. */
    void committed(Map<TermCatalog<?>, Map<String, String>> created) {
        created.forEach((catalog, made) -> known(catalog).putAll(made));
    }

    /**
     * The record with its sections, tags and authors named by id (created first when the import creates
     * missing ones; {@code created} holds those this transaction made). A reference that names nothing is
     * left as it is, for the content check to report.
     */
    ArticleRecord byId(ArticleRecord r, Map<TermCatalog<?>, Map<String, String>> created) {
        String section = r.section() == null ? null : id(sections, r.section(), Section::new, created);
        List<String> tagIds = ArticleRecord.orEmpty(r.tags()).stream().map(t -> id(tags, t, Tag::new, created)).toList();
        List<String> authorIds = ArticleRecord.orEmpty(r.authors()).stream().map(a -> id(authors, a, Author::new, created)).toList();
        return new ArticleRecord(r.id(), r.externalId(), r.slug(), r.title(), r.subtitle(), r.excerpt(), r.body(), r.imageUrl(), r.leadImage(),
                section, tagIds, authorIds, r.locale(), r.related(), r.status(), r.publishedAt(), r.translationGroup());
    }

    private <E extends Term> String id(TermCatalog<E> catalog, String ref, Supplier<E> fresh, Map<TermCatalog<?>, Map<String, String>> created) {
        String id = idsOf(catalog).get(ref);
        if (id == null) {
            id = created.getOrDefault(catalog, Map.of()).get(ref);
        }
        if (id != null) {
            return id;
        }
        E term = catalog.resolve(ref).orElse(null);
        if (term != null) {
            known(catalog).put(ref, term.id.toString());
            return term.id.toString();
        }
        if (createMissing && ref.matches(Slugs.PATTERN) && ref.length() <= Slugs.MAX_LENGTH) {
            String name = ref.replace('-', ' ');
            term = catalog.create(ref, Character.toUpperCase(name.charAt(0)) + name.substring(1), fresh.get());
            created.computeIfAbsent(catalog, c -> new HashMap<>()).put(ref, term.id.toString());
            return term.id.toString();
        }
        return ref;
    }

    /** The sections, tags and authors the chunk's lines name, by catalog. */
    private Map<TermCatalog<?>, Set<String>> refs(List<ArticleRecord> chunk) {
        Map<TermCatalog<?>, Set<String>> refs = new HashMap<>();
        for (ArticleRecord r : chunk) {
            if (r.section() != null) {
                refs.computeIfAbsent(sections, c -> new HashSet<>()).add(r.section());
            }
            refs.computeIfAbsent(tags, c -> new HashSet<>()).addAll(ArticleRecord.orEmpty(r.tags()));
            refs.computeIfAbsent(authors, c -> new HashSet<>()).addAll(ArticleRecord.orEmpty(r.authors()));
        }
        return refs;
    }

    private Map<String, String> idsOf(TermCatalog<?> catalog) {
        return ids.getOrDefault(catalog, Map.of());
    }

    private Map<String, String> known(TermCatalog<?> catalog) {
        return ids.computeIfAbsent(catalog, c -> new ConcurrentHashMap<>());
    }
}
