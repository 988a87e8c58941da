package dateline.common.secret;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * Random keys kept in the database, one per name: the first instance that asks for one makes it, every
 * other instance on the same database reads the same. Two instances starting at once both try to store
 * theirs; the primary key lets one win and the other reads the winner's.
 */
@ApplicationScoped
public class SharedSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    SharedSecrets(Clock clock) {
        this.clock = clock;
    }

    /** The key stored under {@code name}, made (256 random bits) if there is none yet. */
    public String named(String name) {
        return stored(name).orElseGet(() -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String made = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                        .createNativeQuery("insert into shared_secret (name, secret, created_at) values (?1, ?2, ?3)")
                        .setParameter(1, name).setParameter(2, made).setParameter(3, clock.instant()).executeUpdate());
            } catch (PersistenceException e) {
                // another instance stored one first: read it below
            }
            return stored(name).orElseThrow(() -> new IllegalStateException("No shared secret " + name + " after storing it"));
        });
    }

    private static java.util.Optional<String> stored(String name) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createNativeQuery("select secret from shared_secret where name = ?1").setParameter(1, name).getResultList());
        return rows.stream().findFirst().map(Object::toString);
    }
}
