package dateline.article;

import dateline.author.Author;
import dateline.author.AuthorCatalog;
import dateline.common.problem.Conflict;
import dateline.common.problem.InvalidContent;
import dateline.common.problem.ProblemType;
import dateline.common.problem.Violation;
import dateline.i18n.Locales;
import dateline.common.slug.Slugs;
import dateline.common.term.Term;
import dateline.common.term.TermCatalog;
import dateline.media.MediaItem;
import dateline.section.Section;
import dateline.section.SectionCatalog;
import dateline.tag.Tag;
import dateline.tag.TagCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The rules an article's content must pass before anything is written, whoever writes it (an editor, an
 * import): references that name existing sections, tags, authors and articles, a valid locale, and a slug
 * no other article has or had. Every broken rule is reported at once, as one 422.
 */
@ApplicationScoped
class ArticleContentCheck {
    private final ArticleRepository articles;
    private final SectionCatalog sections;
    private final TagCatalog tags;
    private final AuthorCatalog authors;
    private final Locales locales;

    ArticleContentCheck(ArticleRepository articles, SectionCatalog sections, TagCatalog tags, AuthorCatalog authors, Locales locales) {
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.locales = locales;
    }

    /**
     * Resolves every reference and checks every rule before anything is written: 422 for broken references,
     * then 409 when the article's translation group (the one it is in, {@code group}, or the one translationOf
     * names) already has another article in its locale. {@code newGroup}: the group was made for this new
     * article, so nothing else can be in it (an import's chunk then costs no query per line for it).
     */
    Content check(ArticleInput in, UUID self, UUID group, boolean newGroup) {
        List<Violation> violations = new ArrayList<>();
        Section section = in.section() == null ? null : resolve(sections, in.section(), "section", violations);
        List<Tag> tagList = resolveAll(tags, in.tagRefs(), "tags", violations);
        List<Author> authorList = resolveAll(authors, in.authorRefs(), "authors", violations);
        checkRelated(in.relatedIds(), self, violations);
        String locale = locale(in.locale(), violations);
        UUID joined = in.translationOf() == null ? group : groupOf(in.translationOf(), self, violations);
        MediaItem leadImage = in.leadImage() == null ? null : MediaItem.findById(in.leadImage());
        if (in.leadImage() != null && leadImage == null) {
            violations.add(Violation.body("leadImage", "no media item has the id " + in.leadImage()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidContent(violations);
        }
        if (newGroup && in.translationOf() == null) {
            return new Content(section, tagList, authorList, locale, joined, leadImage);
        }
        articles.inTranslationGroup(joined, locale).filter(other -> !other.equals(self)).ifPresent(other -> {
            throw new Conflict(ProblemType.TRANSLATION_EXISTS, "The translation group already has an article in '" + locale
                    + "'; take that one out of the group (DELETE .../translation-group) or link another.", Map.of("articleId", other));
        });
        return new Content(section, tagList, authorList, locale, joined, leadImage);
    }

    private UUID groupOf(UUID translationOf, UUID self, List<Violation> violations) {
        if (translationOf.equals(self)) {
            violations.add(Violation.body("translationOf", "an article cannot be a translation of itself"));
            return null;
        }
        return articles.translationGroupOf(translationOf).orElseGet(() -> {
            violations.add(Violation.body("translationOf", "no article has the id " + translationOf));
            return null;
        });
    }

    private <E extends Term> List<E> resolveAll(TermCatalog<E> catalog, List<String> refs, String field, List<Violation> violations) {
        List<E> found = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        Map<String, E> existing = catalog.resolveAll(refs);
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i);
            E term = existing.get(ref);
            if (term == null) {
                violations.add(unknown(field + "[" + i + "]", ref));
            }
            if (term != null && !seen.add(term.id)) {
                violations.add(Violation.body(field + "[" + i + "]", "is listed twice"));
            }
            found.add(term);
        }
        return found;
    }

    private <E extends Term> E resolve(TermCatalog<E> catalog, String ref, String field, List<Violation> violations) {
        return catalog.resolve(ref).orElseGet(() -> {
            violations.add(unknown(field, ref));
            return null;
        });
    }

    private static Violation unknown(String field, String ref) {
        return Violation.body(field, "no such slug or id: '" + ref + "'");
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

    private String locale(String tag, List<Violation> violations) {
        if (tag == null) {
            return locales.defaultLocale();
        }
        Optional<String> canonical = Locales.canonical(tag);
        if (canonical.isEmpty()) {
            violations.add(Violation.body("locale", Locales.MALFORMED));
            return null;
        }
        if (!locales.isAllowed(canonical.get())) {
            violations.add(Violation.body("locale", locales.notAllowedMessage()));
            return null;
        }
        return canonical.get();
    }

    /** A slug another article uses, or once used (its old links still lead there), is not free. */
    String claim(String slug, UUID owner) {
        return claim(slug, owner, articles::slugOwner);
    }

    static String claim(String slug, UUID owner, Function<String, Optional<UUID>> slugOwners) {
        slugOwners.apply(slug).filter(other -> !other.equals(owner)).ifPresent(other -> {
            throw new Conflict(ProblemType.SLUG_TAKEN, "Another article uses, or once used, the slug '" + slug
                    + "'; its editors can release an old slug.", Map.of("articleId", other));
        });
        return slug;
    }

    static String uniqueSlug(String title, UUID id, Function<String, Optional<UUID>> slugOwners) {
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
    record Content(Section section, List<Tag> tags, List<Author> authors, String locale, UUID translationGroup,
                   MediaItem leadImage) {
        void applyTo(Article article, ArticleInput in) {
            article.title = in.title().strip();
            article.subtitle = blankToNull(in.subtitle());
            article.excerpt = blankToNull(in.excerpt());
            ArticleBody.Cleaned body = ArticleBody.clean(in.body());
            article.body = body.html();
            article.bodyText = body.text();
            article.wordCount = ArticleBody.wordCountOfText(body.text());
            article.teaser = ArticleTeaser.of(article.excerpt, body.text());
            article.imageUrl = blankToNull(in.imageUrl());
            article.leadImage = leadImage;
            article.section = section;
            article.tags.clear();
            article.tags.addAll(tags);
            article.authors.clear();
            article.authors.addAll(authors);
            article.related.clear();
            article.related.addAll(in.relatedIds());
            article.locale = locale;
            article.translationGroup = translationGroup;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
