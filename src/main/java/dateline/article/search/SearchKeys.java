package dateline.article.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dateline.common.http.DependencyKeys;
import dateline.common.sql.NativeSql;
import dateline.i18n.Locales;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which cached searches a write can change, as {@link DependencyKeys}: a search depends on the words it
 * looks for, and an article's change on the words of its text before and after. An article can only
 * enter or leave a search's results if it holds, or held, one of the search's words, so a publication
 * leaves every search for other words cached.
 * <p>
 * On H2 a word is a word. On PostgreSQL a search matches stems, in each article's own language ("Москва"
 * finds "Москве"), so both sides are named by the lexemes PostgreSQL makes of them: an article's in its
 * locale's configuration, exactly as its search vector is built (V23), and a search's in the configuration
 * it is parsed with, or in every configuration in use when it names no locale (each article is then
 * matched in its own). The lexemes of a query's text include those of its tsquery, so whatever an
 * article must contain to match shares a key with the search.
 */
@ApplicationScoped
public class SearchKeys {
    private static final String STEMS = "select distinct unnest(tsvector_to_array(";
    private final boolean postgres;
    private final Locales locales;
    /** A search's stems by configuration and text: searches repeat, and each would otherwise cost a statement. */
    private final Cache<String, List<String>> queryStems = Caffeine.newBuilder().maximumSize(10_000).build();

    SearchKeys(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind, Locales locales) {
        this.postgres = dbKind.startsWith("postgres");
        this.locales = locales;
    }

    /** What the results of search {@code q}, in {@code locale} or in none (null), depend on. */
    public List<String> ofSearch(SearchQuery q, String locale) {
        if (!postgres || q.matchesWithoutWords()) {
            return q.dependencyKeys();
        }
        List<String> configs = locale == null ? locales.searchConfigurations() : List.of(Locales.searchConfiguration(locale));
        return queryStems.get(String.join(",", configs) + "\n" + q.text(), key -> {
            NativeSql sql = new NativeSql();
            for (int i = 0; i < configs.size(); i++) {
                sql.append(i == 0 ? "" : " union ").append(STEMS + "to_tsvector(cast(? as regconfig), ?)))", configs.get(i), q.text());
            }
            return stems(sql);
        });
    }

    /**
     * The searches an article can enter or leave by a change: those its text before the change matched
     * (null when delivery did not show it) and those its text matches now. On PostgreSQL the text now is
     * read as the lexemes of the article's stored search vector, which the write has just brought up to
     * date (V16's trigger): exactly what searches match, and without parsing the text again, which cost a
     * publish more than its UPDATE; so {@code now} is only asked for on H2 (taking the text out of the
     * body's HTML was a twentieth of a publish's CPU). The text before is parsed: the vector holds only
     * the text now, or nothing once the article is purged.
     */
    public Set<String> ofChange(UUID article, SearchedText before, Supplier<SearchedText> now) {
        Set<String> keys = new LinkedHashSet<>();
        if (!postgres) {
            for (SearchedText text : before == null ? List.of(now.get()) : List.of(before, now.get())) {
                keys.addAll(SearchQuery.dependencyKeysOf(text.fields().toArray(String[]::new)));
            }
            return keys;
        }
        NativeSql sql = new NativeSql().append(STEMS + "search_vector)) from article_search where id = ?", article);
        if (before != null) {
            for (String field : before.fields()) {
                if (field != null) {
                    sql.append(" union " + STEMS + "to_tsvector(dateline_search_config(?), ?)))", before.locale(), field);
                }
            }
        }
        keys.addAll(stems(sql));
        return keys;
    }

    private static List<String> stems(NativeSql sql) {
        return sql.list(Panache.getEntityManager(), row -> DependencyKeys.stem(row.getString(1)));
    }
}
