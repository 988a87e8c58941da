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

    /** Each article's published translations (the other live members of its group), in locale order, by article id. */
    public Map<UUID, List<Translation>> of(Collection<Article> articles) {
        Map<UUID, List<Translation>> byArticle = new HashMap<>();
        Set<UUID> groups = new LinkedHashSet<>();
        articles.forEach(a -> groups.add(a.translationGroup));
        if (groups.isEmpty()) {
            return byArticle;
        }
        DependencyKeys.read(groups.stream().map(DependencyKeys::translations).toList());
        List<Object> values = new ArrayList<>();
        values.add(clock.instant());
        values.addAll(groups);
        Map<UUID, List<Object[]>> members = new HashMap<>();
        new NativeSql().append("select translation_group, id, locale, slug, title from article where live_at <= ?"
                        + " and translation_group in (" + NativeSql.placeholders(groups.size()) + ") order by locale", values.toArray())
                .list(Panache.getEntityManager(), row -> members.computeIfAbsent(JdbcValues.uuid(row, 1), g -> new ArrayList<>())
                        .add(new Object[] {JdbcValues.uuid(row, 2), new Translation(row.getString(3), row.getString(4), row.getString(5))}));
        for (Article a : articles) {
            byArticle.put(a.id, members.getOrDefault(a.translationGroup, List.of()).stream()
                    .filter(m -> !a.id.equals(m[0])).map(m -> (Translation) m[1]).toList());
        }
        return byArticle;
    }

    /**
     * One article's published translations and its section's and tags' names in its locale and language,
     * in one statement: an article page's only round trip after the article itself, where loading each
     * term's names and then the translations took three.
     */
    ArticleLocalisation localisationOf(Article a) {
        DependencyKeys.read(DependencyKeys.translations(a.translationGroup));
        String language = Term.language(a.locale);
        NativeSql sql = new NativeSql().append("select 1 as part, id, locale, title, slug from article"
                + " where translation_group = ? and live_at <= ? and id <> ?", a.translationGroup, clock.instant(), a.id);
        if (a.section != null) {
            sql.append(" union all select 0, section_id, locale, name, null from section_name where section_id = ? and locale in (?, ?)",
                    a.section.id, a.locale, language);
        }
        if (!a.tags.isEmpty()) {
            List<Object> values = new ArrayList<>(List.of(a.locale, language));
            a.tags.forEach(t -> values.add(t.id));
            sql.append(" union all select 0, tag_id, locale, name, null from tag_name where locale in (?, ?) and tag_id in ("
                    + NativeSql.placeholders(a.tags.size()) + ")", values.toArray());
        }
        Map<UUID, Map<String, String>> names = new HashMap<>();
        List<Translation> translated = new ArrayList<>();
        for (LocalisedRow row : sql.append(" order by 3").list(Panache.getEntityManager(), row -> new LocalisedRow(
                row.getInt(1), JdbcValues.uuid(row, 2), row.getString(3), row.getString(4), row.getString(5)))) {
            if (row.part() == 1) {
                translated.add(new Translation(row.locale(), row.slug(), row.text()));
            } else {
                names.computeIfAbsent(row.id(), id -> new HashMap<>()).put(row.locale(), row.text());
            }
        }
        return new ArticleLocalisation(names, translated);
    }

    /** A term's name in a locale (part 0), or a translation (part 1) with its title as text. */
    private record LocalisedRow(int part, UUID id, String locale, String text, String slug) {
    }
}
