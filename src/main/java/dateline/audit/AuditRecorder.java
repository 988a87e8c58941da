package dateline.audit;

import dateline.common.openapi.OperationIds;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records every management write by an authenticated caller once its answer is known, refusals (403,
 * 409, 422, …) included. Anonymous writes are not recorded: they are refused before any work, and
 * recording them would let anyone fill the log.
 */
public class AuditRecorder {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String MANAGE = "/api/v1/manage/";
    private static final Logger LOG = Logger.getLogger(AuditRecorder.class);

    private final AuditLog log;
    private final CurrentIdentityAssociation identities;

    AuditRecorder(AuditLog log, CurrentIdentityAssociation identities) {
        this.log = log;
        this.identities = identities;
    }

    @ServerResponseFilter
    public void recordWrite(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        // Unmatched requests (404, 405, 415) never reached an operation, and never authenticated.
        if (resource == null || resource.getResourceMethod() == null || !WRITES.contains(request.getMethod()) || !path.startsWith(MANAGE)) {
            return;
        }
        String action = OperationIds.of(resource.getResourceClass(), resource.getResourceMethod());
        String method = request.getMethod();
        String target = target(request, response);
        int status = response.getStatus();
        // The identity was settled by the endpoint's role check; asking for it this way never blocks the
        // event loop, where refusals may be answered. A token that failed to authenticate is anonymous here.
        identities.getDeferredIdentity().subscribe().with(identity -> {
            if (!identity.isAnonymous()) {
                record(identity, () -> log.record(identity.getPrincipal().getName(), action, method, path, target, status));
            }
        }, failure -> LOG.debugf("Not audited, no identity: %s %s", method, path));
    }

    private static void record(SecurityIdentity identity, Runnable write) {
        if (!Context.isOnEventLoopThread()) {
            write.run();
            return;
        }
        // The database must not be touched on the event loop: write from a worker.
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not record a write by %s in the audit log", identity.getPrincipal().getName());
            }
        });
    }

    /** The id in the path, or the one a create answered with in its Location. */
    private static String target(ContainerRequestContext request, ContainerResponseContext response) {
        String id = request.getUriInfo().getPathParameters().getFirst("id");
        if (id != null) {
            return id;
        }
        Object location = response.getHeaders().getFirst("Location");
        if (response.getStatus() == 201 && location != null) {
            String text = location.toString();
            return text.substring(text.lastIndexOf('/') + 1);
        }
        return null;
    }
}
