package dateline.article.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dateline.common.sql.NativeSql;
import io.quarkus.hibernate.orm.panache.Panache;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numbers H2's word index stores instead of words (search_word). A word keeps its number for ever, so
 * numbers are cached with no invalidation. New words are numbered and committed at once, outside the
 * writer's transaction: an entry for a write that then rolls back is harmless, and writers never wait on
 * each other's uncommitted words. They are numbered on a connection of their own (the {@code words}
 * datasource, one connection, no transactions): a writer already holds one of the main pool's, and with
 * every connection held by writers a second one from that pool would never come.
 */
@ApplicationScoped
class WordNumbers {
    /** Never given to a word (numbers start at 1): a word nobody has written matches nothing. */
    static final int NONE = 0;
    private static final int BATCH = 500;

    private final Cache<String, Integer> cache = Caffeine.newBuilder().maximumSize(200_000).build();
    private final InjectableInstance<AgroalDataSource> numbering;

    /** The datasource is inactive on PostgreSQL, which has no word index: it is only asked for on H2. */
    WordNumbers(@DataSource("words") InjectableInstance<AgroalDataSource> numbering) {
        this.numbering = numbering;
    }

    /** The numbers of these words, numbering those the index has never seen. */
    Map<String, Integer> assign(Collection<String> words) {
        Map<String, Integer> numbers = known(words);
        if (numbers.size() < words.size()) {
            List<String> fresh = words.stream().filter(w -> !numbers.containsKey(w)).toList();
            // One numbering at a time: two writers meeting the same new word would otherwise both insert it.
            synchronized (this) {
                number(fresh);
            }
            numbers.putAll(known(fresh));
        }
        return numbers;
    }

    private void number(List<String> fresh) {
        try (Connection connection = numbering.get().getConnection()) {
            Set<String> meanwhile = new HashSet<>();
            for (List<String> part : NativeSql.chunks(fresh, BATCH)) {
                try (PreparedStatement known = bound(connection, "select word from search_word where word in ("
                        + NativeSql.placeholders(part.size()) + ")", part); ResultSet rows = known.executeQuery()) {
                    while (rows.next()) {
                        meanwhile.add(rows.getString(1));
                    }
                }
            }
            List<String> missing = fresh.stream().filter(w -> !meanwhile.contains(w)).toList();
            for (List<String> part : NativeSql.chunks(missing, BATCH)) {
                try (PreparedStatement insert = bound(connection, "insert into search_word (word) values "
                        + String.join(", ", Collections.nCopies(part.size(), "(?)")), part)) {
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not number new search words", e);
        }
    }

    private static PreparedStatement bound(Connection connection, String sql, List<String> words) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < words.size(); i++) {
            statement.setString(i + 1, words.get(i));
        }
        return statement;
    }

    /** The numbers of those of these words the index has; the others have none yet. */
    Map<String, Integer> known(Collection<String> words) {
        Map<String, Integer> found = new HashMap<>();
        List<String> ask = new ArrayList<>();
        for (String word : new LinkedHashSet<>(words)) {
            Integer number = cache.getIfPresent(word);
            if (number != null) {
                found.put(word, number);
            } else {
                ask.add(word);
            }
        }
        for (List<String> part : NativeSql.chunks(ask, BATCH)) {
            List<?> rows = new NativeSql().append("select id, word from search_word where word in (" + NativeSql.placeholders(part.size()) + ")",
                    part.toArray()).query(Panache.getEntityManager()).getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                int number = ((Number) r[0]).intValue();
                found.put((String) r[1], number);
                cache.put((String) r[1], number);
            }
        }
        return found;
    }
}
