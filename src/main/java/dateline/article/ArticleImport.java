package dateline.article;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Bulk import of NDJSON, read line by line from the request stream (never the whole upload in memory).
 * Lines are written in transactions of {@value #CHUNK}; when one of them fails, that chunk is rolled back
 * and replayed a line per transaction, so a rejected line stores nothing and every valid line is stored.
 * Curated related ids may point forward in the file: they are linked once every line is in.
 */
@ApplicationScoped
public class ArticleImport {
    static final int CHUNK = 100;
    private static final String IMPORT = "/api/v1/manage/import";

    private final ArticleService service;
    private final ArticleRepository articles;
    private final SectionCatalog sections;
    private final TagCatalog tags;
    private final AuthorCatalog authors;
    private final ContentVersion content;
    private final DeliveryChanges delivery;
    private final ObjectReader reader;
    private final Validator validator;
    private final Clock clock;

    ArticleImport(ArticleService service, ArticleRepository articles, SectionCatalog sections, TagCatalog tags,
                  AuthorCatalog authors, ContentVersion content, DeliveryChanges delivery, ObjectMapper json, Validator validator, Clock clock) {
        this.service = service;
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.content = content;
        this.delivery = delivery;
        this.reader = json.readerFor(ArticleRecord.class);
        this.validator = validator;
        this.clock = clock;
    }

    public ImportReport run(InputStream ndjson, boolean createMissing, boolean dryRun, EditHeaders edit) throws IOException {
        EditHeaders as = edit.hasActor() ? edit : EditHeaders.by("import");
        List<ImportReport.Line> report = new ArrayList<>();
        Map<UUID, List<UUID>> pendingRelated = new LinkedHashMap<>();
        Set<UUID> idsInFile = new HashSet<>();
        Map<Object, Map<String, String>> termIds = new HashMap<>();
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
                report.add(rejected(line));
                continue;
            }
            chunk.add(line);
            if (chunk.size() == CHUNK) {
                write(chunk, createMissing, dryRun, as, report, pendingRelated, idsInFile, termIds);
                chunk.clear();
            }
        }
        write(chunk, createMissing, dryRun, as, report, pendingRelated, idsInFile, termIds);
        if (!pendingRelated.isEmpty()) {
            link(pendingRelated, idsInFile, dryRun, as, report);
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

    private void write(List<Parsed> chunk, boolean createMissing, boolean dryRun, EditHeaders edit, List<ImportReport.Line> report,
                       Map<UUID, List<UUID>> pendingRelated, Set<UUID> idsInFile, Map<Object, Map<String, String>> termIds) {
        if (chunk.isEmpty()) {
            return;
        }
        List<Written> done = new ArrayList<>();
        try {
            done.addAll(inTransaction(dryRun, () -> {
                List<Written> written = new ArrayList<>();
                for (Parsed line : chunk) {
                    Written w = apply(line, createMissing, edit, termIds);
                    written.add(w);
                    // A written article needs no more watching: a small persistence context keeps every later
                    // query's auto-flush cheap. Sections, tags and authors stay, so later lines find them without SQL.
                    articles.getEntityManager().flush();
                    articles.getEntityManager().detach(w.entity());
                }
                return written;
            }));
            if (dryRun) {
                termIds.clear(); // terms a dry run created were rolled back with it
            }
        } catch (RuntimeException chunkFailed) {
            // One line broke the chunk: replay it a line per transaction to keep every valid line.
            done.clear();
            termIds.clear();
            for (Parsed line : chunk) {
                try {
                    done.add(inTransaction(dryRun, () -> apply(line, createMissing, edit, termIds)));
                } catch (ProblemException e) {
                    termIds.clear();
                    report.add(rejected(new Parsed(line.number, line.record, e)));
                } catch (org.hibernate.exception.ConstraintViolationException e) {
                    termIds.clear();
                    // Another writer took the same slug or external id in the meantime.
                    report.add(rejected(new Parsed(line.number, line.record, new dateline.common.problem.Conflict(
                            dateline.common.problem.ProblemType.CONFLICT, "The line conflicts with a concurrent change; import it again."))));
                }
            }
        }
        for (Written w : done) {
            report.add(new ImportReport.Line(w.line.number, w.outcome, w.id, null, List.of()));
            idsInFile.add(w.id);
            if (!w.pending.isEmpty()) {
                pendingRelated.put(w.id, w.line.record.relatedIds());
            }
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

    /** Writes one record in the current transaction. */
    private Written apply(Parsed line, boolean createMissing, EditHeaders edit, Map<Object, Map<String, String>> termIds) {
        ArticleRecord r = line.record;
        ArticleRecord byId = termsById(r, createMissing, termIds);
        Set<UUID> known = new HashSet<>(articles.existing(r.relatedIds()));
        List<UUID> relatedNow = r.relatedIds().stream().filter(known::contains).toList();
        List<UUID> pending = r.relatedIds().stream().filter(id -> !known.contains(id)).toList();
        Article existing = (r.externalId() != null ? articles.findByExternalId(r.externalId())
                : r.id() != null ? articles.findByIdOptional(r.id()) : java.util.Optional.<Article>empty()).orElse(null);
        Instant now = clock.instant();
        if (existing == null) {
            UUID id = r.id() != null && articles.findByIdOptional(r.id()).isEmpty() ? r.id() : null;
            Article created = service.create(byId.toInput(relatedNow), id, r.externalId(), r.statusOrDraft(), r.publishedAt(), edit);
            return new Written(line, ImportReport.Outcome.CREATED, created.id, pending, created);
        }
        Article article = articles.lockForWrite(existing.id).orElseThrow();
        if (sameAs(article, r, relatedNow)) {
            return new Written(line, ImportReport.Outcome.UNCHANGED, article.id, pending, article);
        }
        if (article.trashedAt != null) {
            article.restore(now);
        }
        service.rewrite(article, byId.toInput(relatedNow), edit, "Imported");
        enterState(article, r, now, edit);
        return new Written(line, ImportReport.Outcome.UPDATED, article.id, pending, article);
    }

    private void enterState(Article article, ArticleRecord r, Instant now, EditHeaders edit) {
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
    private void link(Map<UUID, List<UUID>> pending, Set<UUID> idsInFile, boolean dryRun, EditHeaders edit, List<ImportReport.Line> report) {
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

    /**
     * The record with its sections, tags and authors named by id, looked up once per import rather than once
     * per line (created first when {@code createMissing}). A reference that names nothing is left as it is,
     * for the content check to report.
     */
    private ArticleRecord termsById(ArticleRecord r, boolean createMissing, Map<Object, Map<String, String>> termIds) {
        String section = r.section() == null ? null : termId(sections, r.section(), createMissing, Section::new, termIds);
        List<String> tagIds = orEmpty(r.tags()).stream().map(t -> termId(tags, t, createMissing, Tag::new, termIds)).toList();
        List<String> authorIds = orEmpty(r.authors()).stream().map(a -> termId(authors, a, createMissing, Author::new, termIds)).toList();
        return new ArticleRecord(r.id(), r.externalId(), r.slug(), r.title(), r.subtitle(), r.excerpt(), r.body(), r.imageUrl(),
                section, tagIds, authorIds, r.locale(), r.related(), r.status(), r.publishedAt());
    }

    private static <E extends Term> String termId(TermCatalog<E> catalog, String ref, boolean createMissing, Supplier<E> fresh,
                                                  Map<Object, Map<String, String>> termIds) {
        Map<String, String> known = termIds.computeIfAbsent(catalog, c -> new HashMap<>());
        String id = known.get(ref);
        if (id == null) {
            E term = catalog.resolve(ref).orElse(null);
            if (term == null && createMissing && ref.matches(Slugs.PATTERN) && ref.length() <= Slugs.MAX_LENGTH) {
                String name = ref.replace('-', ' ');
                term = catalog.create(ref, Character.toUpperCase(name.charAt(0)) + name.substring(1), fresh.get());
            }
            if (term == null) {
                return ref;
            }
            id = term.id.toString();
            known.put(ref, id);
        }
        return id;
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
