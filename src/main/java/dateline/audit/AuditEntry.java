package dateline.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One management write: who asked for what, on which target, when, and the answer it got. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    public enum Outcome { SUCCEEDED, REJECTED, FAILED }

    @Id
    public UUID id;
    @Column(nullable = false)
    public Instant at;
    @Column(nullable = false, length = 100)
    public String actor;
    /** The operation, named as in the contract (its operationId), e.g. publishArticle. */
    @Column(nullable = false, length = 100)
    public String action;
    @Column(nullable = false, length = 10)
    public String method;
    @Column(nullable = false, length = 2048)
    public String path;
    /** The id the operation acted on, or created; null when it has none (an import). */
    @Column(length = 200)
    public String target;
    @Column(nullable = false)
    public int status;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Outcome outcome;

    static Outcome outcomeOf(int status) {
        return status < 400 ? Outcome.SUCCEEDED : status < 500 ? Outcome.REJECTED : Outcome.FAILED;
    }
}
