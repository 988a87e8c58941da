package dateline.common.http;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What a public response was made from, as keys: the code that reads content for a response names the
 * keys it read ({@link #read}), a write names the keys it changed ({@link DeliveryChanges}), and a cached
 * response stays valid while none of its keys changed ({@link ContentVersion}). A publish in one section
 * then leaves the other sections' lists, unrelated article pages and their related headlines cached.
 */
@RequestScoped
public class DependencyKeys {
    /** Every list and feed that no section, tag or author narrows: any published article may enter it. */
    public static final String LISTS = "lists";
    private static final String ARTICLE = "article:";
    /** Every search result: what an article with any text at all may enter. */
    public static final String SEARCH = "search";
    /** Changes with every change: what responses that named no keys depend on. */
    static final String ANY = "any";

    private final Set<String> read = new LinkedHashSet<>();

    public static String article(UUID id) {
        return ARTICLE + id;
    }

    /** The article a key names, or null for any other key. */
    public static UUID articleId(String key) {
        return key.startsWith(ARTICLE) ? UUID.fromString(key.substring(ARTICLE.length())) : null;
    }

    public static String section(String slug) {
        return "section:" + slug;
    }

    public static String tag(String slug) {
        return "tag:" + slug;
    }

    public static String author(String slug) {
        return "author:" + slug;
    }

    /** The responses that list an article's translations: those of every article of the translation group. */
    public static String translations(UUID group) {
        return "translations:" + group;
    }

    /** A media item's metadata, which responses showing the image carry (caption, credit, alt). */
    public static String media(UUID id) {
        return "media:" + id;
    }

    /** The searches for a word, which an article with the word in its text may enter or leave. */
    public static String word(String word) {
        return "word:" + word;
    }

    /**
     * The searches matching a lexeme, on PostgreSQL, where searches match stems: an article whose text
     * stems to it may enter or leave them (see {@code article.search.SearchKeys}).
     */
    public static String stem(String lexeme) {
        return "stem:" + lexeme;
    }

    /** Records that the response being made in this request depends on these keys; nothing outside a request. */
    public static void read(Collection<String> keys) {
        ManagedContext context = Arc.container().requestContext();
        if (context.isActive()) {
            Arc.container().instance(DependencyKeys.class).get().add(keys); // a method: the bean is a client proxy
        }
    }

    public static void read(String key) {
        read(Set.of(key));
    }

    void add(Collection<String> keys) {
        read.addAll(keys);
    }

    Set<String> keysRead() {
        return read;
    }
}
