package dateline.common.problem;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Names the parameter whose value could not be converted. JAX-RS reports such failures as a bare 404
 * (spec section 3.2); Dateline answers 400 and says which parameter was wrong and what it expects.
 */
final class ParameterTypes {
    private ParameterTypes() {
    }

    /** @param method the resource method that was matched, or null where none was */
    static Optional<Violation> firstInvalid(Method method, UriInfo uri) {
        if (method == null) {
            return Optional.empty();
        }
        for (Parameter p : method.getParameters()) {
            Optional<Violation> invalid = p.isAnnotationPresent(BeanParam.class)
                    ? Arrays.stream(p.getType().getFields())
                            .map(f -> check(f.getAnnotation(QueryParam.class), null, f.getType(), uri))
                            .flatMap(Optional::stream).findFirst()
                    : check(p.getAnnotation(QueryParam.class), p.getAnnotation(PathParam.class), p.getType(), uri);
            if (invalid.isPresent()) {
                return invalid;
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> check(QueryParam query, PathParam path, Class<?> type, UriInfo uri) {
        String name = query != null ? query.value() : path != null ? path.value() : null;
        if (name == null) {
            return Optional.empty();
        }
        List<String> values = query != null ? uri.getQueryParameters().get(name) : uri.getPathParameters().get(name);
        for (String value : values == null ? List.<String>of() : values) {
            String problem = problem(type, value);
            if (problem != null) {
                return Optional.of(new Violation(name, query != null ? "query" : "path", problem));
            }
        }
        return Optional.empty();
    }

    private static String problem(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == boolean.class || type == Boolean.class) {
                if (!value.equals("true") && !value.equals("false")) {
                    return "must be true or false";
                }
            } else if (type == UUID.class) {
                UUID.fromString(value);
            } else if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.toString().equals(value))
                        ? null : "must be one of " + Arrays.toString(type.getEnumConstants());
            }
            return null;
        } catch (IllegalArgumentException e) {
            return type == UUID.class ? "must be a UUID" : "must be an integer";
        }
    }
}
