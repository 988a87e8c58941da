package dateline.audit;

import dateline.common.page.Cursors;
import dateline.common.page.Page;
import dateline.common.sql.JdbcValues;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Writes and reads the audit log. */
@ApplicationScoped
public class AuditLog {
    private static final String LIST = "audit";

    private static final String INSERT = "insert into audit_entry (id, at, actor, action, method, path, target, status, outcome)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Clock clock;
    private final Cursors cursors;
    private final DataSource dataSource;

    AuditLog(Clock clock, Cursors cursors, DataSource dataSource) {
        this.clock = clock;
        this.cursors = cursors;
        this.dataSource = dataSource;
    }

    /**
     * Records on a connection of its own, in one autocommitted INSERT: the request's transaction has ended
     * (committed or rolled back) by the time its answer is known, and a rejected write is worth recording
     * too. A transaction of its own cost every write a BEGIN, an entity flush and a COMMIT more.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void record(String actor, String action, String method, String path, String target, int status) {
        Object[] values = {UUID.randomUUID(), clock.instant(), actor, action, method, path.length() > 2048 ? path.substring(0, 2048) : path,
                target == null || target.length() > 200 ? null : target, status, AuditEntry.outcomeOf(status).name()};
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < values.length; i++) {
                JdbcValues.bind(insert, i + 1, values[i]);
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record " + method + " " + path + " in the audit log", e);
        }
    }

    /** Newest first, optionally for one actor or target and within [since, until). */
    @Transactional
    public Page<AuditEntryView> page(String actor, String target, Instant since, Instant until, String cursor, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (actor != null) {
            where.append(" and actor = :actor");
            params.and("actor", actor);
        }
        if (target != null) {
            where.append(" and target = :target");
            params.and("target", target);
        }
        if (since != null) {
            where.append(" and at >= :since");
            params.and("since", since);
        }
        if (until != null) {
            where.append(" and at < :until");
            params.and("until", until);
        }
        if (cursor != null) {
            List<String> after = cursors.decode(LIST, cursor, 2);
            where.append(" and (at < :at or (at = :at and id < :id))");
            params.and("at", cursors.instant(after.get(0))).and("id", cursors.uuid(after.get(1)));
        }
        List<AuditEntry> rows = AuditEntry.<AuditEntry>find(where + " order by at desc, id desc", params).range(0, limit).list();
        return Page.of(rows, limit, e -> cursors.encode(LIST, List.of(e.at.toString(), e.id.toString()))).map(AuditEntryView::from);
    }
}
