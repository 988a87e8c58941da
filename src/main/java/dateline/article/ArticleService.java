package dateline.article;

import dateline.author.Author;
import dateline.author.AuthorCatalog;
import dateline.common.problem.Conflict;
import dateline.common.problem.InvalidContent;
import dateline.common.problem.NotFound;
import dateline.common.problem.ProblemType;
import dateline.common.problem.Violation;
import dateline.common.slug.Slugs;
import dateline.common.term.Term;
import dateline.common.term.TermCatalog;
import dateline.section.Section;
import dateline.section.SectionCatalog;
import dateline.tag.Tag;
import dateline.tag.TagCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Editors' use cases on articles: write content, publish, unpublish, delete. */
@ApplicationScoped
public class ArticleService {
    private final ArticleRepository articles;
    private final SectionCatalog sections;
    private final TagCatalog tags;
    private final AuthorCatalog authors;
    private final TextSearch search;
    private final Clock clock;

    ArticleService(ArticleRepository articles, SectionCatalog sections, TagCatalog tags, AuthorCatalog authors,
                   TextSearch search, Clock clock) {
        this.search = search;
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.clock = clock;
    }

    @Transactional
    public ArticleManageView create(ArticleInput in) {
        Article article = Article.draft(clock.instant());
        Content content = check(in, article.id);
        article.slug = in.slug() != null ? claim(in.slug(), article.id) : uniqueSlug(in.title(), article.id);
        content.applyTo(article, in);
        articles.persistAndFlush(article);
        written(article);
        return ArticleManageView.from(article);
    }

    @Transactional
    public ArticleManageView replace(UUID id, ArticleInput in) {
        Article article = load(id);
        Content content = check(in, id);
        if (in.slug() != null) {
            article.slug = claim(in.slug(), id);
        }
        content.applyTo(article, in);
        article.updatedAt = clock.instant();
        articles.flush();
        written(article);
        return ArticleManageView.from(article);
    }

    @Transactional
    public ArticleManageView publish(UUID id, PublishInput in) {
        Article article = load(id);
        Instant now = clock.instant();
        Instant at = in == null ? null : in.publishedAt();
        if (at != null && at.isAfter(now)) {
            throw new InvalidContent(Violation.body("publishedAt", "must not be in the future"));
        }
        article.publish(at, now);
        articles.flush();
        articles.syncTagTimeline(article);
        return ArticleManageView.from(article);
    }

    @Transactional
    public ArticleManageView unpublish(UUID id) {
        Article article = load(id);
        article.unpublish(clock.instant());
        articles.flush();
        articles.syncTagTimeline(article);
        return ArticleManageView.from(article);
    }

    @Transactional
    public void delete(UUID id) {
        articles.delete(load(id));
    }

    /** Derived data the database does not keep by itself: the tag timeline, and the search index on H2. */
    private void written(Article article) {
        articles.syncTagTimeline(article);
        search.index(article);
    }

    public Article load(UUID id) {
        return articles.findByIdOptional(id).orElseThrow(() -> new NotFound("article", id));
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

    private String claim(String slug, UUID owner) {
        articles.findBySlug(slug).filter(other -> !other.id.equals(owner)).ifPresent(other -> {
            throw new Conflict(ProblemType.SLUG_TAKEN, "Another article already uses the slug '" + slug + "'.");
        });
        return slug;
    }

    private String uniqueSlug(String title, UUID id) {
        String base = Slugs.fromTitle(title);
        if (base.isEmpty()) {
            base = "article-" + id.toString().substring(0, 8);
        }
        String candidate = base;
        for (int n = 2; articles.findBySlug(candidate).isPresent(); n++) {
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
            article.body = ArticleBody.sanitize(in.body());
            article.wordCount = ArticleBody.wordCount(article.body);
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
