package dateline.feed;

import dateline.article.Article;
import dateline.article.ArticleFinder;
import dateline.article.ArticleListParams;
import dateline.common.problem.InvalidParameter;
import dateline.config.DatelineConfig;
import dateline.i18n.Locales;
import dateline.media.ImageView;
import dateline.media.MediaLinks;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The newest published articles a feed lists, and the absolute URLs feeds point to. Dateline has no web
 * front-end of its own, so an item's link is its delivery API URL under the configured public base URL.
 */
@ApplicationScoped
public class FeedEntries {
    private final ArticleFinder finder;
    private final MediaLinks media;
    private final String base;
    private final Locales locales;

    FeedEntries(ArticleFinder finder, MediaLinks media, DatelineConfig config, Locales locales) {
        this.finder = finder;
        this.media = media;
        this.base = config.publicBaseUrl().replaceAll("/+$", "");
        this.locales = locales;
    }

    /** The language a feed is in: the locale asked for (its articles only), or every language declared as the default. */
    record Language(String filter, String tag) {
    }

    Language language(String locale) {
        if (locale == null || locale.isBlank()) {
            return new Language(null, locales.defaultLocale());
        }
        String tag = Locales.canonical(locale).orElseThrow(() -> new InvalidParameter("locale", Locales.MALFORMED));
        return new Language(tag, tag);
    }

    List<Article> newest(String section, String tag, Language language, int limit) {
        ArticleListParams params = new ArticleListParams();
        params.locale = language.filter();
        params.section = section;
        params.tag = tag == null ? List.of() : List.of(tag);
        params.tagMode = "any";
        params.sort = "-publishedAt";
        params.limit = limit;
        return finder.find(params).items();
    }

    String articleUrl(Article a) {
        return base + "/api/v1/articles/" + a.slug;
    }

    /**
     * The article's lead image from the library, or null. Feeds show only its URLs, which never change, so
     * they do not depend on the image's description.
     */
    ImageView leadImage(Article a) {
        return a.leadImage == null ? null : media.image(a.leadImage);
    }

    String url(String path) {
        return base + path;
    }

    /** A stable, unique id for an article in any feed format. */
    static String guid(Article a) {
        return "urn:uuid:" + a.id;
    }

    static String title(String section, String tag) {
        return "Dateline" + (section != null ? " \u2013 " + section : "") + (tag != null ? " \u2013 #" + tag : "");
    }

    static String query(String section, String tag, Language language) {
        String q = (section != null ? "&section=" + section : "") + (tag != null ? "&tag=" + tag : "")
                + (language.filter() != null ? "&locale=" + language.filter() : "");
        return q.isEmpty() ? "" : "?" + q.substring(1);
    }
}
