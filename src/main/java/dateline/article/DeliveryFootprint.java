package dateline.article;

import dateline.article.search.SearchedText;
import dateline.common.http.DependencyKeys;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which delivered responses a change to one article touches: those of what delivery showed of it before
 * the change (taken when it was loaded and locked for writing) and those of what it shows after. Each
 * {@link Article} carries its own; {@code ArticleWrites} hands the keys to the response cache.
 */
final class DeliveryFootprint {
    private final Article article;
    /** What delivery showed when the article was read from the database; null for a new one. */
    private Instant liveAtWhenLoaded;
    /** What delivery may have shown of it before the current change, when it was locked for writing. */
    private Set<String> keysWhenLocked;
    /** Its searched text when it was locked, if delivery showed it then: the searches it may leave. */
    private SearchedText textWhenLocked;

    DeliveryFootprint(Article article) {
        this.article = article;
    }

    void loaded() {
        liveAtWhenLoaded = article.liveAt;
    }

    /** Called when the article is locked for a write, before anything of it changes; only what delivery showed matters. */
    void locked() {
        if (liveAtWhenLoaded != null) {
            keysWhenLocked = keys();
            textWhenLocked = text();
        }
    }

    /** Whether delivery showed the article before the current change, or shows it after. */
    boolean touchesDelivery() {
        return liveAtWhenLoaded != null || article.liveAt != null;
    }

    /**
     * The responses this change may alter, named by {@link DependencyKeys}: the article's own, the lists
     * it can enter or leave, and those of its section, tags and authors, before and after. The searches
     * its words can enter or leave are {@code SearchKeys}' to name, from {@link #textBefore} and {@link #textNow}.
     */
    Set<String> changedKeys() {
        Set<String> keys = keys();
        if (keysWhenLocked != null) {
            keys.addAll(keysWhenLocked);
        }
        return keys;
    }

    /** Its searched text when it was locked, if delivery showed it then: the searches it may leave. */
    SearchedText textBefore() {
        return textWhenLocked;
    }

    /** Its searched text now: the searches it may enter. */
    SearchedText textNow() {
        return text();
    }

    private Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(DependencyKeys.article(article.id));
        keys.add(DependencyKeys.translations(article.translationGroup)); // its translations list it, with its slug and title
        keys.add(DependencyKeys.LISTS);
        keys.add(DependencyKeys.SEARCH);
        if (article.section != null) {
            keys.add(DependencyKeys.section(article.section.slug));
        }
        article.tags.forEach(t -> keys.add(DependencyKeys.tag(t.slug)));
        article.authors.forEach(a -> keys.add(DependencyKeys.author(a.slug)));
        return keys;
    }

    /** The raw HTML's words as well as its text's: a superset of what either database indexes. */
    private SearchedText text() {
        return new SearchedText(article.locale, Arrays.asList(article.title, article.subtitle, article.excerpt, article.body,
                article.bodyText()));
    }
}
