package dateline.article;

import dateline.common.http.DependencyKeys;
import dateline.common.sql.JdbcValues;
import dateline.common.sql.NativeSql;
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

    /** One article's published translations. */
    public List<Translation> of(Article article) {
        return of(List.of(article)).get(article.id);
    }
}
