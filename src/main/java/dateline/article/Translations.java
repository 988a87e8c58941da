package dateline.article;

import dateline.common.http.DependencyKeys;
import dateline.common.sql.JdbcValues;
import dateline.common.sql.NativeSql;
import dateline.common.term.Term;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The published translations of articles delivery shows, read for a whole page at once: one statement
 * whatever the page's size. Drafts, scheduled articles not yet due and the trash never appear. A response
 * that shows them depends on the group's key, which every change to a member that delivery sees names.
 */
@ApplicationScoped
public class Translations {
    private final Clock clock;

    Translations(Clock clock) {
        this.clock = clock;
    }

    /**
     * What each article of a page shows in its language besides its own columns, by article id: its
     * published translations (the other live members of its group, in locale order) and its section's and
     * tags' names in its locale and language. One statement whatever the page's size, where reading the
     * translations, the sections' names and the tags' names took three.
     */
    public Map<UUID, ArticleLocalisation> of(Collection<Article> articles) {
        Map<UUID, ArticleLocalisation> byArticle = new HashMap<>();
        if (articles.isEmpty()) {
            return byArticle;
        }
        Set<UUID> groups = new LinkedHashSet<>();
        Set<String> locales = new LinkedHashSet<>();
        Set<UUID> sections = new LinkedHashSet<>();
        Set<UUID> tags = new LinkedHashSet<>();
        for (Article a : articles) {
            groups.add(a.translationGroup);
            locales.add(a.locale);
            locales.add(Term.language(a.locale));
            if (a.section != null) {
                sections.add(a.section.id);
            }
            a.tags.forEach(t -> tags.add(t.id));
        }
        DependencyKeys.read(groups.stream().map(DependencyKeys::translations).toList());
        List<Object> values = new ArrayList<>();
        values.add(clock.instant());
        values.addAll(groups);
        NativeSql sql = new NativeSql().append("select 1 as part, translation_group as owner, id, locale, title, slug from article"
                + " where live_at <= ? and translation_group in (" + NativeSql.placeholders(groups.size()) + ")", values.toArray());
        names(sql, "section", sections, locales);
        names(sql, "tag", tags, locales);
        Map<UUID, List<LocalisedRow>> members = new HashMap<>();
        Map<UUID, Map<String, String>> names = new HashMap<>();
        for (LocalisedRow row : sql.append(" order by 4").list(Panache.getEntityManager(), row -> new LocalisedRow(
                row.getInt(1), JdbcValues.uuid(row, 2), JdbcValues.uuid(row, 3), row.getString(4), row.getString(5), row.getString(6)))) {
            if (row.part() == 1) {
                members.computeIfAbsent(row.owner(), g -> new ArrayList<>()).add(row);
            } else {
                names.computeIfAbsent(row.owner(), id -> new HashMap<>()).put(row.locale(), row.text());
            }
        }
        for (Article a : articles) {
            List<Translation> translated = members.getOrDefault(a.translationGroup, List.of()).stream()
                    .filter(m -> !a.id.equals(m.article())).map(m -> new Translation(m.locale(), m.slug(), m.text())).toList();
            byArticle.put(a.id, new ArticleLocalisation(names, translated));
        }
        return byArticle;
    }

    /** One article's: what its page shows beside it, in the one statement after the article's own. */
    ArticleLocalisation of(Article article) {
        return of(List.of(article)).get(article.id);
    }

    /** Appends the names of these sections or tags ({@code kind}, a constant) in these locales. */
    private static void names(NativeSql sql, String kind, Set<UUID> terms, Set<String> locales) {
        if (terms.isEmpty()) {
            return;
        }
        List<Object> values = new ArrayList<>(terms);
        values.addAll(locales);
        sql.append(" union all select 0, " + kind + "_id, null, locale, name, null from " + kind + "_name where " + kind + "_id in ("
                + NativeSql.placeholders(terms.size()) + ") and locale in (" + NativeSql.placeholders(locales.size()) + ")", values.toArray());
    }

    /** A term's name in a locale (part 0, owned by the term), or a translation (part 1, owned by its group) with its title as text. */
    private record LocalisedRow(int part, UUID owner, UUID article, String locale, String text, String slug) {
    }
}
