package dateline.article.importing;

import dateline.article.ArticleRepository;
import dateline.edit.Edit;
import dateline.author.AuthorCatalog;
import dateline.common.http.DeliveryChanges;
import dateline.common.problem.ProblemException;
import dateline.common.term.TermCatalog;
import dateline.config.DatelineConfig;
import dateline.section.SectionCatalog;
import dateline.tag.TagCatalog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
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

    private final ImportLineParser parser;
    private final ImportWriter lines;
    private final ArticleRepository articles;
    private final SectionCatalog sections;
    private final TagCatalog tags;
    private final AuthorCatalog authors;
    private final DeliveryChanges delivery;
    private final ImportMetrics metrics;
    private final int writers;

    ArticleImport(ImportLineParser parser, ImportWriter lines, ArticleRepository articles, SectionCatalog sections, TagCatalog tags,
                  AuthorCatalog authors, DeliveryChanges delivery, ImportMetrics metrics, DatelineConfig config) {
        this.parser = parser;
        this.lines = lines;
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.delivery = delivery;
        this.metrics = metrics;
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
                ParsedLine line = parser.parse(number, bytes);
                if (line == null) {
                    continue; // a blank line
                }
                if (line.problem() != null) {
                    run.reported(line.rejected());
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
            lines.link(run.pendingRelated, run.idsInFile, dryRun, edit, report);
        }
        report.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return ImportReport.of(dryRun, report);
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
                    reported(new ParsedLine(line.number(), line.record(), e).rejected());
                    return;
                } catch (org.hibernate.exception.ConstraintViolationException | org.hibernate.exception.LockAcquisitionException e) {
                    if (attempt == 3) {
                        reported(new ParsedLine(line.number(), line.record(), new dateline.common.problem.Conflict(
                                dateline.common.problem.ProblemType.CONFLICT, "The line conflicts with a concurrent change; import it again.")).rejected());
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
     * Runs the work in a transaction of its own. A dry run is the same pipeline in a transaction it always
     * rolls back: every check (the database's unique keys included) runs exactly as in a real import, so the
     * report says what the import would do, and the database, not a second code path, keeps it from storing
     * anything. A committed chunk refreshes every cached response: cheaper than working out what a hundred
     * articles touched.
     */
    private <T> T inTransaction(boolean dryRun, Supplier<T> work) {
        if (!dryRun) {
            return QuarkusTransaction.requiringNew().call(() -> {
                delivery.changedEverything();
                return work.get();
            });
        }
        QuarkusTransaction.begin();
        try {
            return work.get();
        } finally {
            QuarkusTransaction.rollback();
        }
    }
}
