package dateline.article.importing;

import dateline.article.ArticleInput;
import dateline.article.ArticleRepository;
import dateline.article.ArticleService;
import dateline.edit.Edit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dateline.author.AuthorCatalog;
import dateline.common.http.DeliveryChanges;
import dateline.common.problem.InvalidContent;
import dateline.common.problem.ProblemException;
import dateline.common.problem.Violation;
import dateline.common.term.TermCatalog;
import dateline.config.DatelineConfig;
import dateline.section.SectionCatalog;
import dateline.tag.TagCatalog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private final ImportWriter lines;
    private final ArticleService service;
    private final ArticleRepository articles;
    private final SectionCatalog sections;
    private final TagCatalog tags;
    private final AuthorCatalog authors;
    private final DeliveryChanges delivery;
    private final ImportMetrics metrics;
    private final ObjectReader reader;
    private final Validator validator;
    private final int writers;

    ArticleImport(ImportWriter lines, ArticleService service, ArticleRepository articles, SectionCatalog sections, TagCatalog tags,
                  AuthorCatalog authors, DeliveryChanges delivery, ImportMetrics metrics, ObjectMapper json,
                  Validator validator, DatelineConfig config) {
        this.lines = lines;
        this.service = service;
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.delivery = delivery;
        this.metrics = metrics;
        this.reader = json.readerFor(ArticleRecord.class);
        this.validator = validator;
        this.writers = Math.max(1, config.importer().writers());
    }

    public ImportReport run(InputStream ndjson, boolean createMissing, boolean dryRun, Edit edit) throws IOException {
        // A dry run writes one chunk at a time: the terms it creates are rolled back, so no chunk may rely on another's.
        Run run = new Run(createMissing, dryRun, edit, dryRun ? 1 : writers);
        try (run) {
            List<ParsedLine> chunk = new ArrayList<>(CHUNK);
            NdjsonLines lines = new NdjsonLines(ndjson);
            int number = 0;
            for (byte[] bytes; (bytes = lines.next()) != null; ) {
                number++;
                ParsedLine line = parse(number, bytes);
                if (line == null) {
                    continue; // a blank line
                }
                if (line.problem() != null) {
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

    private ParsedLine parse(int number, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new ParsedLine(number, null, new ProblemException(dateline.common.problem.ProblemType.MALFORMED_JSON, "The line is not UTF-8."));
        }
        if (text.isBlank()) {
            return null;
        }
        ArticleRecord record;
        try {
            record = reader.readValue(text);
        } catch (JsonProcessingException e) {
            return new ParsedLine(number, null, ProblemException.fromJson(e));
        }
        if (record == null) {
            return new ParsedLine(number, null, new InvalidContent(Violation.body("(line)", "must be a JSON object, one article")));
        }
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<ArticleInput> v : validator.validate(record.toInput(record.relatedIds()))) {
            violations.add(Violation.body(v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage()));
        }
        if (record.externalId() != null && (record.externalId().isBlank() || record.externalId().length() > 200)) {
            violations.add(Violation.body("externalId", "must be 1 to 200 characters"));
        }
        return new ParsedLine(number, record, violations.isEmpty() ? null : new InvalidContent(violations));
    }

    /** One import as it runs: its report so far, what it knows, and the chunks being written. */
    private final class Run implements AutoCloseable {
        private final boolean dryRun;
        private final Edit edit;
        private final List<ImportReport.Line> report = Collections.synchronizedList(new ArrayList<>());
        private final Map<UUID, List<UUID>> pendingRelated = Collections.synchronizedMap(new LinkedHashMap<>());
        private final Set<UUID> idsInFile = ConcurrentHashMap.newKeySet();
        private final ImportTerms terms;
        private final ChunkWriters writers;
        /** How many articles this import created, and at how many it next refreshes the planner's statistics. */
        private final AtomicInteger articlesCreated = new AtomicInteger();
        private final AtomicInteger analyzeAt = new AtomicInteger(ANALYZE_FIRST);

        Run(boolean createMissing, boolean dryRun, Edit edit, int writers) {
            this.terms = new ImportTerms(sections, tags, authors, createMissing);
            this.dryRun = dryRun;
            this.edit = edit;
            this.writers = new ChunkWriters(writers);
        }

        void submit(List<ParsedLine> chunk) {
            if (chunk.isEmpty()) {
                return;
            }
            terms.learn(records(chunk));
            // Two writers creating the same new tag would collide (or deadlock, creating two in opposite
            // orders): a chunk naming a term this import has not seen yet is written alone.
            writers.submit(keysOf(chunk), () -> terms.namesUnseen(records(chunk)), () -> write(chunk));
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

        private static List<ArticleRecord> records(List<ParsedLine> chunk) {
            return chunk.stream().map(ParsedLine::record).toList();
        }

        private static Set<String> keysOf(List<ParsedLine> chunk) {
            Set<String> keys = new HashSet<>();
            for (ParsedLine line : chunk) {
                ArticleRecord r = line.record();
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

        private void write(List<ParsedLine> chunk) {
            List<WrittenLine> done = new ArrayList<>();
            Map<TermCatalog<?>, Map<String, String>> created = new HashMap<>();
            try {
                done.addAll(inTransaction(dryRun, () -> {
                    Map<String, UUID> byExternalId = preload(chunk);
                    Set<UUID> knownIds = new HashSet<>(articles.existing(chunk.stream().map(l -> l.record().id()).filter(Objects::nonNull).toList()));
                    if (ImportWriter.allNew(chunk, byExternalId, knownIds)) {
                        return lines.createAll(chunk, edit, terms, created, knownIds);
                    }
                    List<WrittenLine> written = new ArrayList<>();
                    for (ParsedLine line : chunk) {
                        WrittenLine w = lines.apply(line, edit, terms, created, byExternalId);
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
                for (ParsedLine line : chunk) {
                    replay(line, done);
                }
            }
            grew(done.stream().filter(w -> w.outcome() == ImportReport.Outcome.CREATED).count());
            for (WrittenLine w : done) {
                reported(new ImportReport.Line(w.line().number(), w.outcome(), w.id(), null, List.of()));
                idsInFile.add(w.id());
                if (!w.pending().isEmpty()) {
                    pendingRelated.put(w.id(), w.line().record().relatedIds());
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
        private void replay(ParsedLine line, List<WrittenLine> done) {
            for (int attempt = 1; ; attempt++) {
                Map<TermCatalog<?>, Map<String, String>> createdByLine = new HashMap<>();
                try {
                    done.add(inTransaction(dryRun, () -> lines.apply(line, edit, terms, createdByLine, null)));
                    committed(createdByLine);
                    return;
                } catch (ProblemException e) {
                    reported(rejected(new ParsedLine(line.number(), line.record(), e)));
                    return;
                } catch (org.hibernate.exception.ConstraintViolationException | org.hibernate.exception.LockAcquisitionException e) {
                    if (attempt == 3) {
                        reported(rejected(new ParsedLine(line.number(), line.record(), new dateline.common.problem.Conflict(
                                dateline.common.problem.ProblemType.CONFLICT, "The line conflicts with a concurrent change; import it again."))));
                        return;
                    }
                }
            }
        }

        /** Terms a transaction created, now committed (a dry run commits nothing). */
        private void committed(Map<TermCatalog<?>, Map<String, String>> created) {
            if (!dryRun) {
                terms.committed(created);
            }
        }

        /**
         * One query per kind instead of one per line: the chunk's known sections, tags and authors into the
         * persistence context, and which external ids already name an article.
         */
        private Map<String, UUID> preload(List<ParsedLine> chunk) {
            terms.preload(records(chunk));
            Set<String> externalIds = new HashSet<>();
            for (ParsedLine line : chunk) {
                if (line.record().externalId() != null) {
                    externalIds.add(line.record().externalId());
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
                    service.relate(service.lockForWrite(e.getKey()).orElseThrow(), related, edit, "Imported related articles");
                }
            });
        }
        report.replaceAll(l -> warnings.containsKey(l.id()) && l.outcome() != ImportReport.Outcome.REJECTED
                ? new ImportReport.Line(l.line(), l.outcome(), l.id(), null, warnings.get(l.id())) : l);
    }

    private static ImportReport.Line rejected(ParsedLine line) {
        return new ImportReport.Line(line.number(), ImportReport.Outcome.REJECTED, null, line.problem().toProblem(IMPORT), List.of());
    }

}
