package dateline.common.openapi;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The operationId the contract gives a resource method, for what must name operations as the contract
 * does (the audit log's action). With {@code operation-id-strategy=method} it is the method's name, unless
 * {@link Operation#operationId()} says otherwise, as in the operations that sections, tags and authors
 * share, whose placeholders {@link TermNames} fills from the resource's path.
 */
public final class OperationIds {
    private OperationIds() {
    }

    /** @param resource the class that serves the method: for an inherited one, the subclass that has the path */
    public static String of(Class<?> resource, Method method) {
        Operation operation = method.getAnnotation(Operation.class);
        return operation == null || operation.operationId().isEmpty()
                ? method.getName() : TermNames.fill(operation.operationId(), path(resource));
    }

    /** A generated subclass (for interceptors) does not inherit @Path: look above it. */
    private static String path(Class<?> resource) {
        for (Class<?> c = resource; c != null; c = c.getSuperclass()) {
            Path path = c.getAnnotation(Path.class);
            if (path != null) {
                return path.value();
            }
        }
        return "";
    }
}
