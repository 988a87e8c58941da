package dateline.article;

import dateline.common.edit.Edit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dateline.author.Author;
import dateline.author.AuthorCatalog;
import dateline.common.http.ContentVersion;
import dateline.common.http.DeliveryChanges;
import dateline.common.problem.InvalidContent;
import dateline.common.problem.ProblemException;
import dateline.common.problem.Violation;
import dateline.common.slug.Slugs;
import dateline.common.term.Term;
import dateline.common.term.TermCatalog;
import dateline.config.DatelineConfig;
import dateline.section.Section;
import dateline.section.SectionCatalog;
import dateline.tag.Tag;
import dateline.tag.TagCatalog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bulk import of NDJSON, read line by line from the request stream (never the whole upload in memory).
 * Lines are written in transactions of {@value #CHUNK}; when one of them fails, that chunk is rolled back
 * and replayed a line per transaction, so a rejected line stores nothing and every valid line is stored.
 * Several chunks are written at once ({@code dateline.import.writers}), except that a chunk waits for any
 * earlier chunk that names the same article (id, external id or slug), so a later line always wins.
 * Curated related ids may point forward in the file: they are linked once every line is in.
 */
@ApplicationScoped
public class ArticleImport {
    static final int CHUNK = 100;
    /** The first statistics refresh comes after this many new articles, the next ones each time the count doubles. */
    private static final int ANALYZE_FIRST = 1_000;
    private static final String IMPORT = "/api/v1/manage/import";

    private final ArticleService service;
    private final ArticleRepository articles;
    private final SectionCatalog sections;
    private final TagCatalog tags;
    private final AuthorCatalog authors;
    private final ContentVersion content;
    private final DeliveryChanges delivery;
    private final ImportMetrics metrics;
    private final ObjectReader reader;
    private final Validator validator;
    private final Clock clock;
    private final int writers;

    ArticleImport(ArticleService service, ArticleRepository articles, SectionCatalog sections, TagCatalog tags,
                  AuthorCatalog authors, ContentVersion content, DeliveryChanges delivery, ImportMetrics metrics, ObjectMapper json,
                  Validator validator, Clock clock, DatelineConfig config) {
        this.service = service;
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.content = content;
        this.delivery = delivery;
        this.metrics = metrics;
        this.reader = json.readerFor(ArticleRecord.class);
        this.validator = validator;
        this.clock = clock;
        this.writers = Math.max(1, config.importer().writers());
    }

    public ImportReport run(InputStream ndjson, boolean createMissing, boolean dryRun, Edit edit) throws IOException {
        // A dry run writes one chunk at a time: the terms it creates are rolled back, so no chunk may rely on another's.
        Run run = new Run(createMissing, dryRun, edit, dryRun ? 1 : writers);
        try (run) {
            List<Parsed> chunk = new ArrayList<>(CHUNK);
            NdjsonLines lines = new NdjsonLines(ndjson);
            int number = 0;
            for (byte[] bytes; (bytes = lines.next()) != null; ) {
                number++;
                Parsed line = parse(number, bytes);
                if (line == null) {
                    continue; // a blank line
                }
                if (line.problem != null) {
                    run.reported(rejected(line));
                    continue;
                }
                chunk.add(line);
                if (chunk.size() == CHUNK) {
                    run.submit(chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            run.submit(chunk);
            run.awaitAll();
        }
        List<ImportReport.Line> report = new ArrayList<>(run.report);
        if (!run.pendingRelated.isEmpty()) {
            link(run.pendingRelated, run.idsInFile, dryRun, edit, report);
        }
        report.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return ImportReport.of(dryRun, report);
    }

    private Parsed parse(int number, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new Parsed(number, null, new ProblemException(dateline.common.problem.ProblemType.MALFORMED_JSON, "The line is not UTF-8."));
        }
        if (text.isBlank()) {
            return null;
        }
        ArticleRecord record;
        try {
            record = reader.readValue(text);
        } catch (JsonProcessingException e) {
            return new Parsed(number, null, ProblemException.fromJson(e));
        }
        if (record == null) {
            return new Parsed(number, null, new InvalidContent(Violation.body("(line)", "must be a JSON object, one article")));
        }
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<ArticleInput> v : validator.validate(record.toInput(record.relatedIds()))) {
            violations.add(Violation.body(v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage()));
        }
        if (record.externalId() != null && (record.externalId().isBlank() || record.externalId().length() > 200)) {
            violations.add(Violation.body("externalId", "must be 1 to 200 characters"));
        }
        return new Parsed(number, record, violations.isEmpty() ? null : new InvalidContent(violations));
    }

    /** One import as it runs: its report so far, what it knows, and the chunks being written. */
    private final class Run implements AutoCloseable {
        private final boolean createMissing;
        private final boolean dryRun;
        private final Edit edit;
        private final List<ImportReport.Line> report = Collections.synchronizedList(new ArrayList<>());
        private final Map<UUID, List<UUID>> pendingRelated = Collections.synchronizedMap(new LinkedHashMap<>());
        private final Set<UUID> idsInFile = ConcurrentHashMap.newKeySet();
        /** Section, tag and author ids by the reference the file uses, once committed: every writer may use them. */
        private final Map<TermCatalog<?>, Map<String, String>> termIds = new ConcurrentHashMap<>();
        private final ChunkWriters writers;
        /** How many articles this import created, and at how many it next refreshes the planner's statistics. */
        private final AtomicInteger articlesCreated = new AtomicInteger();
        private final AtomicInteger analyzeAt = new AtomicInteger(ANALYZE_FIRST);

        Run(boolean createMissing, boolean dryRun, Edit edit, int writers) {
            this.createMissing = createMissing;
            this.dryRun = dryRun;
            this.edit = edit;
            this.writers = new ChunkWriters(writers);
        }

        void submit(List<Parsed> chunk) {
            if (chunk.isEmpty()) {
                return;
            }
            learnTerms(chunk);
            // Two writers creating the same new tag would collide (or deadlock, creating two in opposite
            // orders): a chunk naming a term this import has not seen yet is written alone.
            writers.submit(keysOf(chunk), () -> namesUnseenTerms(chunk), () -> write(chunk));
        }

        void awaitAll() {
            writers.awaitAll();
        }

        void reported(ImportReport.Line line) {
            report.add(line);
            if (!dryRun) {
                metrics.imported(line.outcome());
            }
        }

        @Override
        public void close() {
            writers.close();
        }

        private static Set<String> keysOf(List<Parsed> chunk) {
            Set<String> keys = new HashSet<>();
            for (Parsed line : chunk) {
                ArticleRecord r = line.record;
                if (r.externalId() != null) {
                    keys.add("external:" + r.externalId());
                }
                if (r.id() != null) {
                    keys.add("id:" + r.id());
                }
                if (r.slug() != null) {
                    keys.add("slug:" + r.slug());
                }
            }
            return keys;
        }

        /** The sections, tags and authors the chunk's lines name, by catalog. */
        private Map<TermCatalog<?>, Set<String>> termRefs(List<Parsed> chunk) {
            Map<TermCatalog<?>, Set<String>> refs = new HashMap<>();
            for (Parsed line : chunk) {
                ArticleRecord r = line.record;
                if (r.section() != null) {
                    refs.computeIfAbsent(sections, c -> new HashSet<>()).add(r.section());
                }
                refs.computeIfAbsent(tags, c -> new HashSet<>()).addAll(orEmpty(r.tags()));
                refs.computeIfAbsent(authors, c -> new HashSet<>()).addAll(orEmpty(r.authors()));
            }
            return refs;
        }

        /** The ids this import knows (committed) for the catalog's references. */
        private Map<String, String> idsOf(TermCatalog<?> catalog) {
            return termIds.getOrDefault(catalog, Map.of());
        }

        /** Looks up, once, the terms the chunk names that this import has not met: those that exist need no lone writer. */
        private void learnTerms(List<Parsed> chunk) {
            Map<TermCatalog<?>, List<String>> unseen = new HashMap<>();
            termRefs(chunk).forEach((catalog, refs) -> {
                List<String> missing = refs.stream().filter(ref -> !idsOf(catalog).containsKey(ref)).toList();
                if (!missing.isEmpty()) {
                    unseen.put(catalog, missing);
                }
            });
            if (unseen.isEmpty()) {
                return;
            }
            QuarkusTransaction.requiringNew().run(() -> unseen.forEach((catalog, refs) -> refs.forEach(ref ->
                    catalog.resolve(ref).ifPresent(term -> termIds.computeIfAbsent(catalog, c -> new ConcurrentHashMap<>())
                            .put(ref, term.id.toString())))));
        }

        private boolean namesUnseenTerms(List<Parsed> chunk) {
            return termRefs(chunk).entrySet().stream().anyMatch(e -> !idsOf(e.getKey()).keySet().containsAll(e.getValue()));
        }

        private void write(List<Parsed> chunk) {
            List<Written> done = new ArrayList<>();
            Map<TermCatalog<?>, Map<String, String>> created = new HashMap<>();
            try {
                done.addAll(inTransaction(dryRun, () -> {
                    Map<String, UUID> byExternalId = preload(chunk);
                    Set<UUID> knownIds = new HashSet<>(articles.existing(chunk.stream().map(l -> l.record.id()).filter(Objects::nonNull).toList()));
                    if (allNew(chunk, byExternalId, knownIds)) {
                        return createAll(chunk, this, created, knownIds);
                    }
                    List<Written> written = new ArrayList<>();
                    for (Parsed line : chunk) {
                        Written w = apply(line, this, created, byExternalId);
                        written.add(w);
                        // A written article needs no more watching: a small persistence context keeps every later
                        // query's auto-flush cheap. Sections, tags and authors stay, so later lines find them without SQL.
                        articles.getEntityManager().flush();
                        if (w.outcome() != ImportReport.Outcome.CREATED) {
                            articles.getEntityManager().detach(w.entity()); // a new article was never in it
                        }
                    }
                    return written;
                }));
                committed(created);
            } catch (RuntimeException chunkFailed) {
                // One line broke the chunk: replay it a line per transaction to keep every valid line.
                done.clear();
                for (Parsed line : chunk) {
                    replay(line, done);
                }
            }
            grew(done.stream().filter(w -> w.outcome == ImportReport.Outcome.CREATED).count());
            for (Written w : done) {
                reported(new ImportReport.Line(w.line.number, w.outcome, w.id, null, List.of()));
                idsInFile.add(w.id);
                if (!w.pending.isEmpty()) {
                    pendingRelated.put(w.id, w.line.record.relatedIds());
                }
            }
        }

        /** Lets the database plan for the tables this import has grown (ArticleRepository.refreshPlannerStatistics says why). */
        private void grew(long articles) {
            int now = articlesCreated.addAndGet((int) articles);
            int due = analyzeAt.get();
            if (!dryRun && now >= due && analyzeAt.compareAndSet(due, now * 2)) {
                QuarkusTransaction.requiringNew().run(ArticleImport.this.articles::refreshPlannerStatistics);
            }
        }

        /**
         * Writes one line in a transaction of its own. A unique key taken meanwhile (another writer created the
         * same new tag, or the same slug) is tried again once that writer has committed, before it counts as a conflict.
         */
        private void replay(Parsed line, List<Written> done) {
            for (int attempt = 1; ; attempt++) {
                Map<TermCatalog<?>, Map<String, String>> createdByLine = new HashMap<>();
                try {
                    done.add(inTransaction(dryRun, () -> apply(line, this, createdByLine, null)));
                    committed(createdByLine);
                    return;
                } catch (ProblemException e) {
                    reported(rejected(new Parsed(line.number, line.record, e)));
                    return;
                } catch (org.hibernate.exception.ConstraintViolationException | org.hibernate.exception.LockAcquisitionException e) {
                    if (attempt == 3) {
                        reported(rejected(new Parsed(line.number, line.record, new dateline.common.problem.Conflict(
                                dateline.common.problem.ProblemType.CONFLICT, "The line conflicts with a concurrent change; import it again."))));
                        return;
                    }
                }
            }
        }

        /** Terms a transaction created, now committed (a dry run commits nothing). */
        private void committed(Map<TermCatalog<?>, Map<String, String>> created) {
            if (!dryRun) {
                created.forEach((catalog, ids) -> termIds.computeIfAbsent(catalog, c -> new ConcurrentHashMap<>()).putAll(ids));
            }
        }

        /**
         * One query per kind instead of one per line: the chunk's known sections, tags and authors into the
         * persistence context, and which external ids already name an article.
         */
        private Map<String, UUID> preload(List<Parsed> chunk) {
            termRefs(chunk).forEach((catalog, refs) -> catalog.preload(
                    refs.stream().map(idsOf(catalog)::get).filter(Objects::nonNull).map(UUID::fromString).toList()));
            Set<String> externalIds = new HashSet<>();
            for (Parsed line : chunk) {
                if (line.record.externalId() != null) {
                    externalIds.add(line.record.externalId());
                }
            }
            return articles.idsByExternalId(externalIds);
        }
    }

    /**
     * Runs the work in a transaction of its own; on a dry run, rolls it back and still returns what it did.
     * A committed chunk refreshes every cached response: cheaper than working out what a hundred articles touched.
     */
    @SuppressWarnings("unchecked")
    private <T> T inTransaction(boolean dryRun, Supplier<T> work) {
        if (!dryRun) {
            return QuarkusTransaction.requiringNew().call(() -> {
                delivery.changedEverything();
                return work.get();
            });
        }
        try {
            QuarkusTransaction.requiringNew().call(() -> {
                throw new DryRun(work.get());
            });
            throw new IllegalStateException("unreachable: a dry run always rolls back");
        } catch (DryRun rolledBack) {
            return (T) rolledBack.result;
        }
    }

    /** Carries a dry run's result out of the transaction it rolls back. */
    private static final class DryRun extends RuntimeException {
        private final transient Object result;

        DryRun(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /**
     * Whether every line of the chunk creates an article, each under its own id, external id and slug: then
     * the chunk is written as one batch (the common case, a first import). Otherwise line by line, in order.
     */
    private static boolean allNew(List<Parsed> chunk, Map<String, UUID> byExternalId, Set<UUID> knownIds) {
        Set<String> keys = new HashSet<>();
        for (Parsed line : chunk) {
            ArticleRecord r = line.record;
            boolean exists = r.externalId() != null ? byExternalId.containsKey(r.externalId()) : r.id() != null && knownIds.contains(r.id());
            if (exists || (r.externalId() != null && !keys.add("external:" + r.externalId()))
                    || (r.id() != null && !keys.add("id:" + r.id())) || (r.slug() != null && !keys.add("slug:" + r.slug()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Creates an article for every line of the chunk with one batch of statements per table. A line the
     * content check refuses fails the chunk, which is then replayed a line at a time: a rejected line must
     * not leave behind the sections or tags it created.
     */
    private List<Written> createAll(List<Parsed> chunk, Run run, Map<TermCatalog<?>, Map<String, String>> termsCreated, Set<UUID> knownIds) {
        Map<String, Optional<UUID>> owners = new HashMap<>();
        Set<String> slugs = new HashSet<>();
        for (Parsed line : chunk) {
            slugs.add(line.record.slug() != null ? line.record.slug() : Slugs.fromTitle(line.record.title()));
        }
        Map<String, UUID> taken = articles.slugOwners(slugs);
        slugs.forEach(slug -> owners.put(slug, Optional.ofNullable(taken.get(slug))));
        List<Article> fresh = new ArrayList<>(chunk.size());
        List<Written> written = new ArrayList<>(chunk.size());
        for (Parsed line : chunk) {
            ArticleRecord r = line.record;
            Related related = related(r);
            UUID id = r.id() != null && !knownIds.contains(r.id()) ? r.id() : null;
            Article article = service.prepare(termsById(r, run, termsCreated).toInput(related.now), id, r.externalId(),
                    r.statusOrDraft(), r.publishedAt(), run.edit, slug -> owners.computeIfAbsent(slug, articles::slugOwner));
            owners.put(article.slug, Optional.of(article.id));
            fresh.add(article);
            written.add(new Written(line, ImportReport.Outcome.CREATED, article.id, related.pending, article));
        }
        service.insert(fresh, run.edit, a -> "Imported as " + a.status);
        return written;
    }

    /** Writes one record in the current transaction. */
    private Written apply(Parsed line, Run run, Map<TermCatalog<?>, Map<String, String>> termsCreated, Map<String, UUID> byExternalId) {
        ArticleRecord r = line.record;
        Edit edit = run.edit;
        ArticleRecord byId = termsById(r, run, termsCreated);
        Related related = related(r);
        Article existing = (r.externalId() != null ? externalId(r.externalId(), byExternalId)
                : r.id() != null ? articles.findByIdOptional(r.id()) : Optional.<Article>empty()).orElse(null);
        Instant now = clock.instant();
        if (existing == null) {
            UUID id = r.id() != null && articles.findByIdOptional(r.id()).isEmpty() ? r.id() : null;
            Article created = service.create(byId.toInput(related.now), id, r.externalId(), r.statusOrDraft(), r.publishedAt(), edit);
            return new Written(line, ImportReport.Outcome.CREATED, created.id, related.pending, created);
        }
        Article article = articles.lockForWrite(existing.id).orElseThrow();
        if (sameAs(article, r, related.now)) {
            return new Written(line, ImportReport.Outcome.UNCHANGED, article.id, related.pending, article);
        }
        if (article.trashedAt != null) {
            article.restore(now);
        }
        service.rewrite(article, byId.toInput(related.now), edit, "Imported");
        enterState(article, r, now, edit);
        return new Written(line, ImportReport.Outcome.UPDATED, article.id, related.pending, article);
    }

    /** The line's related ids that name an article now, and those that may name one further down the file. */
    private Related related(ArticleRecord r) {
        Set<UUID> known = new HashSet<>(articles.existing(r.relatedIds()));
        return new Related(r.relatedIds().stream().filter(known::contains).toList(),
                r.relatedIds().stream().filter(id -> !known.contains(id)).toList());
    }

    private record Related(List<UUID> now, List<UUID> pending) {
    }

    private void enterState(Article article, ArticleRecord r, Instant now, Edit edit) {
        if (article.status == r.statusOrDraft() && Objects.equals(article.publishedAt, r.publishedAt())) {
            return;
        }
        article.enter(r.statusOrDraft(), r.publishedAt(), now);
        if (article.status == ArticleStatus.SCHEDULED) {
            content.changesAt(article.publishedAt);
        }
        service.transitioned(article, now, edit, "Imported as " + article.status, null);
    }

    /** Links related ids that named articles further down the file, now that every line is in. */
    private void link(Map<UUID, List<UUID>> pending, Set<UUID> idsInFile, boolean dryRun, Edit edit, List<ImportReport.Line> report) {
        Map<UUID, List<String>> warnings = new HashMap<>();
        for (Map.Entry<UUID, List<UUID>> e : pending.entrySet()) {
            QuarkusTransaction.requiringNew().run(() -> {
                delivery.changedEverything();
                Set<UUID> known = new HashSet<>(articles.existing(e.getValue()));
                if (dryRun) {
                    known.addAll(idsInFile);
                }
                List<UUID> related = e.getValue().stream().filter(known::contains).filter(id -> !id.equals(e.getKey())).distinct().toList();
                e.getValue().stream().filter(id -> !related.contains(id)).forEach(id ->
                        warnings.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add("related: no article has the id " + id + "; left out"));
                if (!dryRun) {
                    Article article = articles.lockForWrite(e.getKey()).orElseThrow();
                    if (!article.related.equals(related)) {
                        article.related.clear();
                        article.related.addAll(related);
                        service.transitioned(article, clock.instant(), edit, "Imported related articles", null);
                    }
                }
            });
        }
        report.replaceAll(l -> warnings.containsKey(l.id()) && l.outcome() != ImportReport.Outcome.REJECTED
                ? new ImportReport.Line(l.line(), l.outcome(), l.id(), null, warnings.get(l.id())) : l);
    }

    private boolean sameAs(Article a, ArticleRecord r, List<UUID> related) {
        RevisionContent now = RevisionContent.of(a);
        String locale;
        try {
            locale = r.locale() == null ? "en" : new Locale.Builder().setLanguageTag(r.locale()).build().toLanguageTag();
        } catch (java.util.IllformedLocaleException e) {
            return false;
        }
        return (r.slug() == null || r.slug().equals(now.slug()))
                && Objects.equals(strip(r.title()), now.title()) && Objects.equals(strip(r.subtitle()), now.subtitle())
                && Objects.equals(strip(r.excerpt()), now.excerpt()) && Objects.equals(ArticleBody.sanitize(r.body()), now.body())
                && Objects.equals(strip(r.imageUrl()), now.imageUrl()) && Objects.equals(r.section(), now.section())
                && Objects.equals(orEmpty(r.tags()), now.tags()) && Objects.equals(orEmpty(r.authors()), now.authors())
                && related.equals(now.related()) && related.size() == r.relatedIds().size()
                && locale.equals(now.locale()) && r.statusOrDraft() == now.status()
                && (r.publishedAt() == null || r.publishedAt().equals(now.publishedAt()))
                && a.trashedAt == null;
    }

    /** The article with this external id; {@code preloaded} (when given) already says which external ids are taken. */
    private Optional<Article> externalId(String externalId, Map<String, UUID> preloaded) {
        if (preloaded == null) {
            return articles.findByExternalId(externalId);
        }
        UUID id = preloaded.get(externalId);
        return id == null ? Optional.empty() : articles.findByIdOptional(id);
    }

    /**
     * The record with its sections, tags and authors named by id, looked up once per import rather than once
     * per line (created first when {@code createMissing}; {@code created} holds those this transaction made).
     * A reference that names nothing is left as it is, for the content check to report.
     */
    private ArticleRecord termsById(ArticleRecord r, Run run, Map<TermCatalog<?>, Map<String, String>> created) {
        String section = r.section() == null ? null : termId(sections, r.section(), Section::new, run, created);
        List<String> tagIds = orEmpty(r.tags()).stream().map(t -> termId(tags, t, Tag::new, run, created)).toList();
        List<String> authorIds = orEmpty(r.authors()).stream().map(a -> termId(authors, a, Author::new, run, created)).toList();
        return new ArticleRecord(r.id(), r.externalId(), r.slug(), r.title(), r.subtitle(), r.excerpt(), r.body(), r.imageUrl(),
                section, tagIds, authorIds, r.locale(), r.related(), r.status(), r.publishedAt());
    }

    private static <E extends Term> String termId(TermCatalog<E> catalog, String ref, Supplier<E> fresh, Run run,
                                                  Map<TermCatalog<?>, Map<String, String>> created) {
        String id = run.idsOf(catalog).get(ref);
        if (id == null) {
            id = created.getOrDefault(catalog, Map.of()).get(ref);
        }
        if (id != null) {
            return id;
        }
        E term = catalog.resolve(ref).orElse(null);
        if (term != null) {
            run.termIds.computeIfAbsent(catalog, c -> new ConcurrentHashMap<>()).put(ref, term.id.toString());
            return term.id.toString();
        }
        if (run.createMissing && ref.matches(Slugs.PATTERN) && ref.length() <= Slugs.MAX_LENGTH) {
            String name = ref.replace('-', ' ');
            term = catalog.create(ref, Character.toUpperCase(name.charAt(0)) + name.substring(1), fresh.get());
            created.computeIfAbsent(catalog, c -> new HashMap<>()).put(ref, term.id.toString());
            return term.id.toString();
        }
        return ref;
    }

    private static ImportReport.Line rejected(Parsed line) {
        return new ImportReport.Line(line.number, ImportReport.Outcome.REJECTED, null, line.problem.toProblem(IMPORT), List.of());
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private record Parsed(int number, ArticleRecord record, ProblemException problem) {
    }

    private record Written(Parsed line, ImportReport.Outcome outcome, UUID id, List<UUID> pending, Article entity) {
    }
}
