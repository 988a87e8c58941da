package dateline.article;

import dateline.common.edit.Edit;
import dateline.author.Author;
import dateline.author.AuthorCatalog;
import dateline.common.http.ContentVersion;
import dateline.common.http.DeliveryChanges;
import dateline.common.problem.Conflict;
import dateline.common.problem.Preconditions;
import dateline.common.problem.InvalidContent;
import dateline.common.problem.NotFound;
import dateline.common.problem.ProblemException;
import dateline.common.problem.ProblemType;
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
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Editors' use cases on articles: write content, move it through its states, keep its history. Every
 * write takes the article's row lock, checks the caller's If-Match against the version it holds, and
 * leaves a revision behind, so concurrent editors take turns and no accepted change is lost or unrecorded.
 */
@ApplicationScoped
public class ArticleService {
    private final ArticleRepository articles;
    private final SectionCatalog sections;
    private final TagCatalog tags;
    private final AuthorCatalog authors;
    private final TextSearch search;
    private final RevisionLog revisions;
    private final ArticleRows rows;
    private final ContentVersion content;
    private final Event<ArticleEvent> events;
    private final DeliveryChanges delivery;
    private final Clock clock;

    ArticleService(ArticleRepository articles, SectionCatalog sections, TagCatalog tags, AuthorCatalog authors,
                   TextSearch search, RevisionLog revisions, ArticleRows rows, ContentVersion content, Event<ArticleEvent> events,
                   DeliveryChanges delivery, Clock clock) {
        this.delivery = delivery;
        this.search = search;
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.revisions = revisions;
        this.rows = rows;
        this.content = content;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a draft. A slug made from the title can be taken by another editor's article at the same
     * moment (two desks filing the same wire headline): the loser is written again with the next free
     * slug, instead of the editor being told about a slug they never chose.
     */
    public ArticleManageView create(ArticleInput in, Edit edit) {
        if (QuarkusTransaction.isActive()) {
            return ArticleManageView.from(create(in, null, null, null, null, edit)); // part of a larger write: its caller decides
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> ArticleManageView.from(create(in, null, null, null, null, edit)));
            } catch (RuntimeException e) {
                if (in.slug() != null || attempt == 10 || !slugTaken(e)) {
                    throw e;
                }
                // A moment's jitter, so writers that lost the same race do not race again in step.
                java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000, 20_000_000));
            }
        }
    }

    private static boolean slugTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation) {
                String constraint = violation.getConstraintName() != null ? violation.getConstraintName() : String.valueOf(violation.getMessage());
                return constraint.toLowerCase(Locale.ROOT).contains("slug");
            }
        }
        return false;
    }

    /**
     * Creates a draft, under the given id when there is one (import keeps ids so curated related lists
     * survive a round trip); {@code externalId} ties it to its record in another system. An import may
     * name the state the article enters ({@code status} non-null): it is written in that state at once.
     */
    Article create(ArticleInput in, UUID id, String externalId, ArticleStatus status, Instant publishedAt, Edit edit) {
        Article article = prepare(in, id, externalId, status, publishedAt, edit, articles::slugOwner);
        insert(List.of(article), edit, status == null ? a -> "Created" : a -> "Imported as " + a.status);
        return article;
    }

    /**
     * A new article checked and complete, not stored yet: an import prepares a chunk of them and stores
     * them with one {@link #insert}. {@code slugOwners} says which article has, or once had, a slug.
     */
    Article prepare(ArticleInput in, UUID id, String externalId, ArticleStatus status, Instant publishedAt, Edit edit,
                    Function<String, Optional<UUID>> slugOwners) {
        Instant now = clock.instant();
        Article article = Article.draft(now);
        if (id != null) {
            article.id = id;
        }
        Content content = check(in, article.id);
        article.slug = in.slug() != null ? claim(in.slug(), article.id, slugOwners) : uniqueSlug(in.title(), article.id, slugOwners);
        article.externalId = externalId;
        article.createdBy = edit.actor();
        content.applyTo(article, in);
        if (status != null) {
            article.enter(status, publishedAt, now);
            if (article.status == ArticleStatus.SCHEDULED) {
                this.content.changesAt(article.publishedAt);
            }
        }
        return article;
    }

    /** Stores prepared articles with their first revisions, and tells observers. */
    void insert(List<Article> fresh, Edit edit, Function<Article, String> summary) {
        rows.insert(fresh);
        search.index(fresh);
        revisions.recordFirst(fresh, edit.actor(), a -> edit.summaryOr(summary.apply(a)));
        fresh.forEach(a -> announce(a, ArticleEvent.Type.CREATED, a.createdAt));
    }

    @Transactional
    public ArticleManageView replace(UUID id, ArticleInput in, Edit edit) {
        Article article = lock(id, edit, true);
        checkMayChange(article, edit);
        return ArticleManageView.from(rewrite(article, in, edit, "Edited"));
    }

    /** Applies a JSON Merge Patch (RFC 7396) to the article's editable content, then writes it like a replace. */
    @Transactional
    public ArticleManageView patch(UUID id, ArticlePatch patch, Edit edit) {
        Article article = lock(id, edit, true);
        checkMayChange(article, edit);
        return ArticleManageView.from(rewrite(article, patch.applyTo(RevisionContent.of(article).toInput()), edit, "Edited"));
    }

    /** Writes an earlier revision's content back, as a new revision. */
    @Transactional
    public ArticleManageView restoreRevision(UUID id, int number, Edit edit) {
        Article article = lock(id, edit, false);
        checkMayChange(article, edit);
        ArticleInput old = revisions.get(id, number).content().toInput();
        return ArticleManageView.from(rewrite(article, old, edit, "Restored revision " + number));
    }

    Article rewrite(Article article, ArticleInput in, Edit edit, String summary) {
        article.notInTrash();
        Instant now = clock.instant();
        Content content = check(in, article.id);
        if (in.slug() != null) {
            article.slug = claim(in.slug(), article.id);
        }
        content.applyTo(article, in);
        article.changed(now);
        articles.flush();
        articles.recordSlug(article, now);
        written(article);
        revisions.record(article, now, edit.actor(), edit.summaryOr(summary));
        announce(article, ArticleEvent.Type.UPDATED, now);
        return article;
    }

    @Transactional
    public ArticleManageView publish(UUID id, PublishInput in, Edit edit) {
        Article article = lock(id, edit, false);
        Instant now = clock.instant();
        article.publish(in == null ? null : in.publishAt(), now);
        if (article.status == ArticleStatus.SCHEDULED) {
            content.changesAt(article.publishedAt);
            return transitioned(article, now, edit, "Scheduled for " + article.publishedAt, ArticleEvent.Type.SCHEDULED);
        }
        return transitioned(article, now, edit, "Published", ArticleEvent.Type.PUBLISHED);
    }

    @Transactional
    public ArticleManageView unpublish(UUID id, Edit edit) {
        Article article = lock(id, edit, false);
        Instant now = clock.instant();
        article.unpublish(now);
        return transitioned(article, now, edit, "Unpublished", ArticleEvent.Type.UNPUBLISHED);
    }

    @Transactional
    public ArticleManageView archive(UUID id, Edit edit) {
        Article article = lock(id, edit, false);
        Instant now = clock.instant();
        article.archive(now);
        return transitioned(article, now, edit, "Archived", ArticleEvent.Type.ARCHIVED);
    }

    @Transactional
    public ArticleManageView restore(UUID id, Edit edit) {
        Article article = lock(id, edit, false);
        Instant now = clock.instant();
        boolean fromTrash = article.trashedAt != null;
        article.restore(now);
        if (article.status == ArticleStatus.SCHEDULED && article.liveAt != null) {
            content.changesAt(article.liveAt);
        }
        return transitioned(article, now, edit, fromTrash ? "Restored from the trash" : "Restored from the archive",
                ArticleEvent.Type.RESTORED);
    }

    /** Moves the article to the trash (restorable), or with {@code purge} deletes it and its history for good. */
    @Transactional
    public void delete(UUID id, boolean purge, Edit edit) {
        Article article = lock(id, edit, true);
        Instant now = clock.instant();
        if (purge) {
            search.forget(article.id);
            articles.delete(article);
            announce(article, ArticleEvent.Type.DELETED, now);
            return;
        }
        article.trash(now);
        transitioned(article, now, edit, "Moved to the trash", ArticleEvent.Type.TRASHED);
    }

    /** A scheduled article whose time has come: PUBLISHED now (delivery has shown it since its instant). */
    boolean goLive(Article article) {
        Instant now = clock.instant();
        if (!article.goLive(now)) {
            return false;
        }
        transitioned(article, now, Edit.by("scheduler"), "Published on schedule", ArticleEvent.Type.PUBLISHED);
        return true;
    }

    /** Finishes a change of state: derived data, a revision, and the event (none for bulk imports, {@code type} null). */
    ArticleManageView transitioned(Article article, Instant now, Edit edit, String summary, ArticleEvent.Type type) {
        articles.flush();
        articles.syncTagTimeline(article);
        revisions.record(article, now, edit.actor(), edit.summaryOr(summary));
        announce(article, type, now);
        return ArticleManageView.from(article);
    }

    /** Tells observers what happened (no event for bulk imports: {@code type} null), and the response cache whether delivery can see it. */
    void announce(Article article, ArticleEvent.Type type, Instant now) {
        if (type != null) {
            events.fire(new ArticleEvent(type, article.id, article.slug, now));
        }
        if (article.touchesDelivery()) {
            delivery.changed(article::changedDependencyKeys);
        }
    }

    /** Derived data the database does not keep by itself: the tag timeline, and the search index on H2. */
    private void written(Article article) {
        articles.syncTagTimeline(article);
        search.index(article);
    }

    /**
     * An AUTHOR may change only drafts it created; stronger roles and Dateline's own writers may change
     * any article.
     */
    private static void checkMayChange(Article article, Edit edit) {
        if (!edit.ownDraftsOnly()) {
            return;
        }
        if (!edit.actor().equals(article.createdBy)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "An author may only change articles it created.");
        }
        if (article.status != ArticleStatus.DRAFT || article.trashedAt != null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "An author may only change drafts; this article is "
                    + (article.trashedAt != null ? "in the trash" : article.status) + ".");
        }
    }

    public Article load(UUID id) {
        return articles.findByIdOptional(id).orElseThrow(() -> new NotFound("article", id));
    }

    private Article lock(UUID id) {
        return articles.lockForWrite(id).orElseThrow(() -> new NotFound("article", id));
    }

    /** The article, row-locked until the transaction ends, once the caller's If-Match names its version. */
    private Article lock(UUID id, Edit edit, boolean ifMatchRequired) {
        Article article = lock(id);
        if (ifMatchRequired) {
            Preconditions.required(edit.ifMatch(), article.version);
        } else {
            Preconditions.optional(edit.ifMatch(), article.version);
        }
        return article;
    }

    @Transactional
    public List<String> slugs(UUID id) {
        load(id);
        return articles.slugs(id);
    }

    /** Frees an old slug of the article for other articles; its redirect ends. The current slug cannot be released. */
    @Transactional
    public void releaseSlug(UUID id, String slug) {
        Article article = lock(id);
        if (article.slug.equals(slug)) {
            throw new Conflict(ProblemType.CONFLICT, "'" + slug + "' is the article's current slug; change it before releasing it.");
        }
        if (articles.releaseSlug(id, slug) == 0) {
            throw new NotFound("former slug of this article", slug);
        }
    }

    /** Resolves every reference and checks every rule before anything is written. */
    private Content check(ArticleInput in, UUID self) {
        List<Violation> violations = new ArrayList<>();
        Section section = in.section() == null ? null : resolve(sections, in.section(), "section", violations);
        List<Tag> tagList = resolveAll(tags, in.tagRefs(), "tags", violations);
        List<Author> authorList = resolveAll(authors, in.authorRefs(), "authors", violations);
        checkRelated(in.relatedIds(), self, violations);
        String locale = locale(in.locale(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidContent(violations);
        }
        return new Content(section, tagList, authorList, locale);
    }

    private <E extends Term> List<E> resolveAll(TermCatalog<E> catalog, List<String> refs, String field, List<Violation> violations) {
        List<E> found = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            E term = resolve(catalog, refs.get(i), field + "[" + i + "]", violations);
            if (term != null && !seen.add(term.id)) {
                violations.add(Violation.body(field + "[" + i + "]", "is listed twice"));
            }
            found.add(term);
        }
        return found;
    }

    private <E extends Term> E resolve(TermCatalog<E> catalog, String ref, String field, List<Violation> violations) {
        return catalog.resolve(ref).orElseGet(() -> {
            violations.add(Violation.body(field, "no such slug or id: '" + ref + "'"));
            return null;
        });
    }

    private void checkRelated(List<UUID> related, UUID self, List<Violation> violations) {
        Set<UUID> known = new HashSet<>(articles.existing(related));
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < related.size(); i++) {
            UUID id = related.get(i);
            String field = "related[" + i + "]";
            if (id.equals(self)) {
                violations.add(Violation.body(field, "an article cannot be related to itself"));
            } else if (!known.contains(id)) {
                violations.add(Violation.body(field, "no article has the id " + id));
            } else if (!seen.add(id)) {
                violations.add(Violation.body(field, "is listed twice"));
            }
        }
    }

    private static String locale(String tag, List<Violation> violations) {
        if (tag == null) {
            return "en";
        }
        try {
            return new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            violations.add(Violation.body("locale", "must be a BCP 47 language tag such as en or pt-BR"));
            return null;
        }
    }

    /** A slug another article uses, or once used (its old links still lead there), is not free. */
    private String claim(String slug, UUID owner) {
        return claim(slug, owner, articles::slugOwner);
    }

    private static String claim(String slug, UUID owner, Function<String, Optional<UUID>> slugOwners) {
        slugOwners.apply(slug).filter(other -> !other.equals(owner)).ifPresent(other -> {
            throw new Conflict(ProblemType.SLUG_TAKEN, "Another article uses, or once used, the slug '" + slug
                    + "'; its editors can release an old slug.", Map.of("articleId", other));
        });
        return slug;
    }

    private static String uniqueSlug(String title, UUID id, Function<String, Optional<UUID>> slugOwners) {
        String base = Slugs.fromTitle(title);
        if (base.isEmpty()) {
            base = "article-" + id.toString().substring(0, 8);
        }
        String candidate = base;
        for (int n = 2; slugOwners.apply(candidate).isPresent(); n++) {
            candidate = Slugs.withSuffix(base, n);
        }
        return candidate;
    }

    /** The resolved, checked parts of an input, ready to be written. */
    private record Content(Section section, List<Tag> tags, List<Author> authors, String locale) {
        void applyTo(Article article, ArticleInput in) {
            article.title = in.title().strip();
            article.subtitle = blankToNull(in.subtitle());
            article.excerpt = blankToNull(in.excerpt());
            ArticleBody.Cleaned body = ArticleBody.clean(in.body());
            article.body = body.html();
            article.bodyText = body.text();
            article.wordCount = ArticleBody.wordCountOfText(body.text());
            article.imageUrl = blankToNull(in.imageUrl());
            article.section = section;
            article.tags.clear();
            article.tags.addAll(tags);
            article.authors.clear();
            article.authors.addAll(authors);
            article.related.clear();
            article.related.addAll(in.relatedIds());
            article.locale = locale;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
