package dateline.cdn;

import dateline.common.http.DeliveryChanged;
import dateline.common.http.DependencyKeys;
import dateline.common.http.SurrogateKeys;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The surrogate keys a change purges, from the dependency keys it changed. A public response carries
 * {@code article-<id>}, {@code section-<slug>}, {@code tag-<slug>}, {@code author-<slug>} and {@code media-<id>} for what it
 * shows (an article also {@code translations-<group>}, for the translations it lists), and a list carries the first segment of its path ({@code articles}, {@code headlines}, ...; the
 * feeds {@code feeds}): see {@code HttpCaching}. Every write delivery sees names {@code lists} and
 * {@code search}, which purge every list of articles, related headlines and searches included (they are
 * under {@code /articles}); {@code word:} and {@code stem:} keys add nothing beyond that.
 */
final class PurgeKeys {
    /** The lists any published article may enter or leave: the article list and searches, headlines, feeds. */
    static final List<String> LISTS = List.of("articles", "headlines", "feeds");

    /** Dependency keys of one thing, whose surrogate key is the same with a dash: article:x is article-x. */
    private static final List<String> PER_ITEM = List.of("article:", "section:", "tag:", "author:", "translations:", "media:");

    private PurgeKeys() {
    }

    /** The keys to purge for a change; {@link SurrogateKeys#EVERYTHING} alone when it changed everything. */
    static Set<String> of(DeliveryChanged change) {
        if (change.everything()) {
            return Set.of(SurrogateKeys.EVERYTHING);
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String key : change.keys()) {
            if (key.equals(DependencyKeys.LISTS)) {
                keys.addAll(LISTS);
            } else if (key.equals(DependencyKeys.SEARCH) || key.startsWith("word:") || key.startsWith("stem:")) {
                keys.add("articles"); // searches are /articles?q=...
            } else if (PER_ITEM.stream().anyMatch(key::startsWith)) {
                keys.add(key.replaceFirst(":", "-"));
            } else {
                // A kind of key this mapping does not know yet: no surrogate key is known to cover it.
                return Set.of(SurrogateKeys.EVERYTHING);
            }
        }
        return keys;
    }
}
