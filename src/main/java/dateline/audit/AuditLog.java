package dateline.audit;

import dateline.common.page.Cursors;
import dateline.common.page.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes and reads the audit log. */
@ApplicationScoped
public class AuditLog {
    private static final String LIST = "audit";

    private final Clock clock;
    private final Cursors cursors;

    AuditLog(Clock clock, Cursors cursors) {
        this.clock = clock;
        this.cursors = cursors;
    }

    /**
     * Records in a transaction of its own: the request's transaction has ended (committed or rolled back)
     * by the time its answer is known, and a rejected write is worth recording too.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String actor, String action, String method, String path, String target, int status) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.at = clock.instant();
        entry.actor = actor;
        entry.action = action;
        entry.method = method;
        entry.path = path.length() > 2048 ? path.substring(0, 2048) : path;
        entry.target = target == null || target.length() > 200 ? null : target;
        entry.status = status;
        entry.outcome = AuditEntry.outcomeOf(status);
        entry.persist();
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
