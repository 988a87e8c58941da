package dateline.common.http;

import dateline.common.page.Page;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code Surrogate-Key} header of a public response, by which a CDN purges it: everything, the feeds,
 * each item's own keys ({@link SurrogateKeys}), and for a list the kind of thing it lists.
 */
final class SurrogateKeyHeader {
    private SurrogateKeyHeader() {
    }

    static String of(Object entity, String path) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(SurrogateKeys.EVERYTHING);
        if (path.startsWith(HttpCaching.PUBLIC + "feeds/")) {
            keys.add("feeds");
        }
        collect(entity, keys);
        if (entity instanceof Page<?> || entity instanceof Collection<?>) {
            keys.add(path.substring(HttpCaching.PUBLIC.length()).split("/")[0]);
        }
        return String.join(" ", keys);
    }

    private static void collect(Object entity, Set<String> keys) {
        if (entity instanceof SurrogateKeys view) {
            keys.addAll(view.surrogateKeys());
        } else if (entity instanceof Page<?> page) {
            page.items().forEach(item -> collect(item, keys));
        } else if (entity instanceof Collection<?> items) {
            items.forEach(item -> collect(item, keys));
        }
    }
}
