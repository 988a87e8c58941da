package dateline.common.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dateline.common.problem.TooManyRequests;
import dateline.config.DatelineConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Token buckets (Bucket4j) per caller, keyed only on what a client cannot pick freely: on management the
 * authenticated token's name (an unknown token never gets a bucket, it gets 401), on delivery the
 * connection's address. Buckets of idle callers are dropped after ten minutes, when they are full again.
 */
@ApplicationScoped
public class RateLimits {
    private static final String MANAGE = "/api/v1/manage";

    private final long managePerMinute;
    private final long deliveryPerMinute;
    private final CurrentIdentityAssociation identities;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(10, TimeUnit.MINUTES).maximumSize(100_000).build();

    RateLimits(DatelineConfig config, CurrentIdentityAssociation identities) {
        this.managePerMinute = config.rateLimit().managePerMinute();
        this.deliveryPerMinute = config.rateLimit().deliveryPerMinute();
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> limit(ContainerRequestContext request, HttpServerRequest connection) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!path.startsWith("/api/")) {
            return Uni.createFrom().voidItem();
        }
        if (!path.startsWith(MANAGE)) {
            return take("address " + connection.remoteAddress().host(), deliveryPerMinute, "client address");
        }
        // Authenticates now (the role check would a moment later); failures are left to it, as 401.
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .flatMap(identity -> identity == null || identity.isAnonymous() ? Uni.createFrom().voidItem()
                        : take("token " + identity.getPrincipal().getName(), managePerMinute, "token"));
    }

    private Uni<Void> take(String key, long perMinute, String who) {
        if (perMinute <= 0) {
            return Uni.createFrom().voidItem();
        }
        Bucket bucket = buckets.get(key + "/" + perMinute, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Uni.createFrom().voidItem();
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return Uni.createFrom().failure(new TooManyRequests(perMinute, seconds, who));
    }
}
