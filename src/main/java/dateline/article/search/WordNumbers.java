package dateline.article.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dateline.common.sql.NativeSql;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The numbers H2's word index stores instead of words (search_word). A word keeps its number for ever, so
 * numbers are cached with no invalidation. New words are numbered in a transaction of their own: an entry
 * for a write that then rolls back is harmless, and writers never wait on each other's uncommitted words.
 */
@ApplicationScoped
class WordNumbers {
    /** Never given to a word (numbers start at 1): a word nobody has written matches nothing. */
    static final int NONE = 0;
    private static final int BATCH = 500;

    private final Cache<String, Integer> cache = Caffeine.newBuilder().maximumSize(200_000).build();

    /** The numbers of these words, numbering those the index has never seen. */
    Map<String, Integer> assign(Collection<String> words) {
        Map<String, Integer> numbers = known(words);
        if (numbers.size() < words.size()) {
            List<String> fresh = words.stream().filter(w -> !numbers.containsKey(w)).toList();
            // One numbering at a time: two writers meeting the same new word would otherwise both insert it.
            synchronized (this) {
                QuarkusTransaction.requiringNew().run(() -> {
                    Map<String, Integer> meanwhile = known(fresh);
                    List<String> missing = fresh.stream().filter(w -> !meanwhile.containsKey(w)).toList();
                    for (int from = 0; from < missing.size(); from += BATCH) {
                        List<String> part = missing.subList(from, Math.min(missing.size(), from + BATCH));
                        NativeSql sql = new NativeSql().append("insert into search_word (word) values ");
                        for (int i = 0; i < part.size(); i++) {
                            sql.append(i == 0 ? "(?)" : ", (?)", part.get(i));
                        }
                        sql.query(Panache.getEntityManager()).executeUpdate();
                    }
                });
            }
            numbers.putAll(known(fresh));
        }
        return numbers;
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
        for (int from = 0; from < ask.size(); from += BATCH) {
            List<String> part = ask.subList(from, Math.min(ask.size(), from + BATCH));
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
