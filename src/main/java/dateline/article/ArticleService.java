package dateline.article;

import dateline.article.ArticleContentCheck.Content;
import dateline.edit.Edit;
import dateline.common.http.DeliveryChanges;
import dateline.common.problem.Conflict;
import dateline.common.problem.NotFound;
import dateline.common.problem.ProblemType;
import dateline.common.slug.Slugs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Writing articles' content: create (one, or a checked batch for imports), replace, patch, restore earlier
 * content, and overwrite from another system of record. Every write takes the article's row lock, checks
 * the caller's If-Match against the version it holds, and leaves a revision behind ({@link ArticleWrites}),
 * so concurrent editors take turns and no accepted change is lost or unrecorded. State changes are
 * {@link ArticleWorkflow}'s.
 */
@ApplicationScoped
public class ArticleService {
    private final ArticleRepository articles;
    private final ArticleContentCheck rules;
    private final ArticleWrites writes;
    private final ArticleRows rows;
    private final DeliveryChanges delivery;
    private final Clock clock;
    private final HeadlineTurns headlineTurns = new HeadlineTurns();

    ArticleService(ArticleRepository articles, ArticleContentCheck rules, ArticleWrites writes, ArticleRows rows,
                   DeliveryChanges delivery, Clock clock) {
        this.articles = articles;
        this.rules = rules;
        this.writes = writes;
        this.rows = rows;
        this.delivery = delivery;
        this.clock = clock;
    }

    /**
     * Creates a draft. A slug made from the title can be taken by another editor's article at the same
     * moment (two desks filing the same wire headline): in this instance such creates take turns
     * ({@link HeadlineTurns}); one that loses the slug to another instance is written again with the next
     * free slug, instead of the editor being told about a slug they never chose.
     */
    public ArticleManageView create(ArticleInput in, Edit edit) {
        if (QuarkusTransaction.isActive()) {
            return ArticleManageView.from(createDraft(in, edit)); // part of a larger write: its caller decides
        }
        if (in.slug() != null) {
            return QuarkusTransaction.requiringNew().call(() -> ArticleManageView.from(createDraft(in, edit)));
        }
        return headlineTurns.inTurn(in.title(), () -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    return QuarkusTransaction.requiringNew().call(() -> ArticleManageView.from(createDraft(in, edit)));
                } catch (RuntimeException e) {
                    if (attempt == 10 || !slugTaken(e)) {
                        throw e;
                    }
                    // Another instance took the slug: a moment's jitter, so the two do not race again in step.
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000, 20_000_000));
                }
            }
        });
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

    private Article createDraft(ArticleInput in, Edit edit) {
        return createAll(List.of(NewArticle.draft(in)), edit, a -> "Created").get(0);
    }

    /**
     * Creates articles in the current transaction, each checked by the same rules as an editor's draft
     * before any is written, then stored with one batch of statements per table. Slugs are claimed in
     * order, so two of the batch never get the same one.
     */
    public List<Article> createAll(List<NewArticle> batch, Edit edit, Function<Article, String> summary) {
        Set<String> wanted = new HashSet<>();
        for (NewArticle a : batch) {
            wanted.add(a.content().slug() != null ? a.content().slug() : Slugs.fromTitle(a.content().title()));
        }
        Map<String, Optional<UUID>> owners = new HashMap<>();
        Map<String, UUID> taken = articles.slugOwners(wanted);
        wanted.forEach(slug -> owners.put(slug, Optional.ofNullable(taken.get(slug))));
        Function<String, Optional<UUID>> slugOwners = slug -> owners.computeIfAbsent(slug, articles::slugOwner);
        List<Article> fresh = new ArrayList<>(batch.size());
        for (NewArticle a : batch) {
            Article article = prepare(a, edit, slugOwners);
            owners.put(article.slug, Optional.of(article.id));
            fresh.add(article);
        }
        rows.insert(fresh);
        writes.created(fresh, edit, summary);
        return fresh;
    }

    private Article prepare(NewArticle a, Edit edit, Function<String, Optional<UUID>> slugOwners) {
        ArticleInput in = a.content();
        Instant now = clock.instant();
        Article article = Article.draft(now);
        if (a.id() != null) {
            article.id = a.id();
            article.translationGroup = a.id();
        }
        if (a.translationGroup() != null) {
            article.translationGroup = a.translationGroup();
        }
        Content checked = rules.check(in, article.id, article.translationGroup, a.translationGroup() == null);
        article.slug = in.slug() != null
                ? ArticleContentCheck.claim(in.slug(), article.id, slugOwners)
                : ArticleContentCheck.uniqueSlug(in.title(), article.id, slugOwners);
        article.externalId = a.externalId();
        article.createdBy = edit.actor();
        checked.applyTo(article, in);
        if (a.status() != null) {
            article.enter(a.status(), a.publishedAt(), now);
            if (article.status == ArticleStatus.SCHEDULED) {
                delivery.goesLiveAt(article.publishedAt);
            }
        }
        return article;
    }

    @Transactional
    public ArticleManageView replace(UUID id, ArticleInput in, Edit edit) {
        Article article = writes.lock(id, edit, true);
        ArticleWrites.checkMayChange(article, edit);
        return ArticleManageView.from(rewrite(article, in, edit, "Edited"));
    }

    /** Applies a JSON Merge Patch (RFC 7396) to the article's editable content, then writes it like a replace. */
    @Transactional
    public ArticleManageView patch(UUID id, ArticlePatch patch, Edit edit) {
        Article article = writes.lock(id, edit, true);
        ArticleWrites.checkMayChange(article, edit);
        return ArticleManageView.from(rewrite(article, patch.applyTo(ArticleInput.of(article)), edit, "Edited"));
    }

    /** Writes content back that the article had before (a revision's), as a new revision; If-Match is honoured. */
    @Transactional
    public ArticleManageView restoreContent(UUID id, ArticleInput earlier, Edit edit, String summary) {
        Article article = writes.lock(id, edit, false);
        ArticleWrites.checkMayChange(article, edit);
        return ArticleManageView.from(rewrite(article, earlier, edit, summary));
    }

    private Article rewrite(Article article, ArticleInput in, Edit edit, String summary) {
        article.notInTrash();
        Instant now = clock.instant();
        Content checked = rules.check(in, article.id, article.translationGroup, false);
        if (in.slug() != null) {
            article.slug = rules.claim(in.slug(), article.id);
        }
        checked.applyTo(article, in);
        article.changed(now);
        writes.rewritten(article, now, edit, summary);
        return article;
    }

    /**
     * Makes an article what another system of record says it is, in the current transaction: out of the
     * trash, with this content, in this state. Recorded as revisions and announced to delivery; the state
     * it enters is not announced to webhooks (a bulk load is not news). A translation group, when given,
     * replaces the article's. The caller holds the article's row
     * lock ({@link #lockForWrite}).
     */
    public void overwrite(Article locked, ArticleInput in, ArticleStatus status, Instant publishedAt, UUID translationGroup, Edit edit) {
        Instant now = clock.instant();
        if (translationGroup != null) {
            locked.translationGroup = translationGroup; // checked with the content: one article per locale
        }
        if (locked.trashedAt != null) {
            locked.restore(now);
        }
        rewrite(locked, in, edit, "Imported");
        if (locked.status == status && Objects.equals(locked.publishedAt, publishedAt)) {
            return;
        }
        locked.enter(status, publishedAt, now);
        if (locked.status == ArticleStatus.SCHEDULED) {
            delivery.goesLiveAt(locked.publishedAt);
        }
        writes.recorded(locked, now, edit, "Imported as " + locked.status);
    }

    /** Replaces the curated related list of a row-locked article, as a revision. */
    public void relate(Article locked, List<UUID> related, Edit edit, String summary) {
        if (locked.related.equals(related)) {
            return;
        }
        locked.related.clear();
        locked.related.addAll(related);
        writes.recorded(locked, clock.instant(), edit, summary);
    }

    /**
     * Takes the article out of its translation group: it is alone in a group of its own afterwards, and the
     * others stay together. A change delivery sees when the article is out: its translations leave its page,
     * and it leaves theirs. If-Match is honoured.
     */
    @Transactional
    public ArticleManageView leaveTranslationGroup(UUID id, Edit edit) {
        Article article = writes.lock(id, edit, false);
        ArticleWrites.checkMayChange(article, edit);
        if (articles.translationGroupSize(article.translationGroup) > 1) {
            // A fresh id, not its own: the others may still use its id, when it was the first of the group.
            article.translationGroup = UUID.randomUUID();
            Instant now = clock.instant();
            article.changed(now);
            writes.recorded(article, now, edit, "Left its translation group");
        }
        return ArticleManageView.from(article);
    }

    /** The article, row-locked until the transaction ends, for a writer that checks versions itself. */
    public Optional<Article> lockForWrite(UUID id) {
        return articles.lockForWrite(id);
    }

    public Article load(UUID id) {
        return articles.findByIdOptional(id).orElseThrow(() -> new NotFound("article", id));
    }

    @Transactional
    public List<String> slugs(UUID id) {
        load(id);
        return articles.slugs(id);
    }

    /** Frees an old slug of the article for other articles; its redirect ends. The current slug cannot be released. */
    @Transactional
    public void releaseSlug(UUID id, String slug) {
        Article article = writes.lock(id);
        if (article.slug.equals(slug)) {
            throw new Conflict(ProblemType.CONFLICT, "'" + slug + "' is the article's current slug; change it before releasing it.");
        }
        if (articles.releaseSlug(id, slug) == 0) {
            throw new NotFound("former slug of this article", slug);
        }
    }
}
