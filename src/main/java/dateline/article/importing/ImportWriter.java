package dateline.article.importing;

import dateline.article.Article;
import dateline.article.ArticleRepository;
import dateline.article.ArticleService;
import dateline.article.NewArticle;
import dateline.common.http.DeliveryChanges;
import dateline.edit.Edit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dateline.common.term.TermCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes an import's lines through the editing core ({@link ArticleService}): a chunk of new articles as one
 * checked batch, any other line on its own (created, overwritten, or left alone when it changes nothing).
 * Runs inside the transaction its caller opened; the import decides what a failure means.
 */
@ApplicationScoped
class ImportWriter {
    private final ArticleService service;
    private final ArticleRepository articles;
    private final DeliveryChanges delivery;

    ImportWriter(ArticleService service, ArticleRepository articles, DeliveryChanges delivery) {
        this.service = service;
        this.articles = articles;
        this.delivery = delivery;
    }

    /**
     * Whether every line of the chunk creates an article, each under its own id, external id and slug: then
     * the chunk is written as one batch (the common case, a first import). Otherwise line by line, in order.
     */
    static boolean allNew(List<ParsedLine> chunk, Map<String, UUID> byExternalId, Set<UUID> knownIds) {
        Set<String> keys = new HashSet<>();
        for (ParsedLine line : chunk) {
            ArticleRecord r = line.record();
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
    List<WrittenLine> createAll(List<ParsedLine> chunk, Edit edit, ImportTerms terms, Map<TermCatalog<?>, Map<String, String>> termsCreated,
                                Set<UUID> knownIds) {
        List<NewArticle> batch = new ArrayList<>(chunk.size());
        List<Related> relatedOf = new ArrayList<>(chunk.size());
        for (ParsedLine line : chunk) {
            ArticleRecord r = line.record();
            Related related = related(r);
            UUID id = r.id() != null && !knownIds.contains(r.id()) ? r.id() : null;
            batch.add(new NewArticle(terms.byId(r, termsCreated).toInput(related.now), id, r.externalId(), r.statusOrDraft(), r.publishedAt(), r.translationGroup()));
            relatedOf.add(related);
        }
        List<Article> created = service.createAll(batch, edit, a -> "Imported as " + a.status);
        List<WrittenLine> written = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            Article article = created.get(i);
            written.add(new WrittenLine(chunk.get(i), ImportReport.Outcome.CREATED, article.id, relatedOf.get(i).pending, article));
        }
        return written;
    }

    /** Writes one record in the current transaction. */
    WrittenLine apply(ParsedLine line, Edit edit, ImportTerms terms, Map<TermCatalog<?>, Map<String, String>> termsCreated,
                      Map<String, UUID> byExternalId) {
        ArticleRecord r = line.record();
        ArticleRecord byId = terms.byId(r, termsCreated);
        Related related = related(r);
        Article existing = (r.externalId() != null ? externalId(r.externalId(), byExternalId)
                : r.id() != null ? articles.findByIdOptional(r.id()) : Optional.<Article>empty()).orElse(null);
        if (existing == null) {
            UUID id = r.id() != null && articles.findByIdOptional(r.id()).isEmpty() ? r.id() : null;
            NewArticle fresh = new NewArticle(byId.toInput(related.now), id, r.externalId(), r.statusOrDraft(), r.publishedAt(),
                    r.translationGroup());
            Article created = service.createAll(List.of(fresh), edit, a -> "Imported as " + a.status).get(0);
            return new WrittenLine(line, ImportReport.Outcome.CREATED, created.id, related.pending, created);
        }
        Article article = service.lockForWrite(existing.id).orElseThrow();
        if (r.describes(article, related.now)) {
            return new WrittenLine(line, ImportReport.Outcome.UNCHANGED, article.id, related.pending, article);
        }
        service.overwrite(article, byId.toInput(related.now), r.statusOrDraft(), r.publishedAt(), r.translationGroup(), edit);
        return new WrittenLine(line, ImportReport.Outcome.UPDATED, article.id, related.pending, article);
    }

    /** The line's related ids that name an article now, and those that may name one further down the file. */
    private Related related(ArticleRecord r) {
        Set<UUID> known = new HashSet<>(articles.existing(r.relatedIds()));
        return new Related(r.relatedIds().stream().filter(known::contains).toList(),
                r.relatedIds().stream().filter(id -> !known.contains(id)).toList());
    }

    private record Related(List<UUID> now, List<UUID> pending) {
    }

    /** The article with this external id; {@code preloaded} (when given) already says which external ids are taken. */
    private Optional<Article> externalId(String externalId, Map<String, UUID> preloaded) {
        if (preloaded == null) {
            return articles.findByExternalId(externalId);
        }
        UUID id = preloaded.get(externalId);
        return id == null ? Optional.empty() : articles.findByIdOptional(id);
    }

    /** Links related ids that named articles further down the file, now that every line is in. */
    void link(Map<UUID, List<UUID>> pending, Set<UUID> idsInFile, boolean dryRun, Edit edit, List<ImportReport.Line> report) {
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
}
