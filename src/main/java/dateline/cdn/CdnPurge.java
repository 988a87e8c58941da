package dateline.cdn;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** One purge of one cache endpoint waiting in the outbox: deleted once the endpoint accepted it. */
@Entity
@Table(name = "cdn_purge")
public class CdnPurge extends PanacheEntityBase {
    /** The target of every Fastly purge; Varnish rows name the Varnish's URL. */
    static final String FASTLY = "fastly";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, length = 2048)
    public String target;
    /** Surrogate keys, separated by spaces. */
    @Column(name = "purge_keys", nullable = false, length = 65536)
    public String purgeKeys;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "not_before", nullable = false)
    public Instant notBefore;
    @Column(name = "retry_from", nullable = false)
    public Instant retryFrom;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "last_error", length = 500)
    public String lastError;

    static CdnPurge due(String target, Collection<String> keys, Instant now, Instant from) {
        CdnPurge purge = new CdnPurge();
        purge.target = target;
        purge.purgeKeys = String.join(" ", keys);
        purge.createdAt = now;
        purge.notBefore = from;
        purge.retryFrom = from;
        return purge;
    }

    List<String> keys() {
        return Arrays.asList(purgeKeys.split(" "));
    }
}
