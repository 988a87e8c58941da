package dateline.common.sql;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * A native SQL statement assembled from fixed fragments; every value from a request travels as a bound
 * parameter ({@code ?} in a fragment), never as text.
 */
public final class NativeSql {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public NativeSql append(String fragment, Object... values) {
        int next = 0;
        for (char c : fragment.toCharArray()) {
            if (c == '?') {
                params.add(values[next++]);
                sql.append('?').append(params.size());
            } else {
                sql.append(c);
            }
        }
        if (next != values.length) {
            throw new IllegalArgumentException("Fragment has " + next + " placeholders for " + values.length + " values");
        }
        return this;
    }

    /** Placeholders for a list: {@code ?, ?, ?}. */
    public static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    public Query query(EntityManager em) {
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }
}
