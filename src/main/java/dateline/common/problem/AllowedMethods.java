package dateline.common.problem;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each resource path supports, for the {@code Allow} header RFC 9110 requires on a 405
 * (the framework's own 405 carries none).
 */
@Singleton
public class AllowedMethods {
    private final Map<Pattern, Set<String>> byPath = new LinkedHashMap<>();

    AllowedMethods(BeanManager beans) {
        for (Bean<?> bean : beans.getBeans(Object.class)) {
            Path root = bean.getBeanClass().getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method m : bean.getBeanClass().getMethods()) {
                String verb = verb(m);
                if (verb != null) {
                    Path sub = m.getAnnotation(Path.class);
                    String template = root.value() + (sub == null ? "" : "/" + sub.value());
                    byPath.computeIfAbsent(compile(template), p -> new TreeSet<>()).add(verb);
                }
            }
        }
    }

    /** The Allow header value for a request path, or null when no resource has that path. */
    String allow(String path) {
        Set<String> verbs = new TreeSet<>();
        byPath.forEach((pattern, methods) -> {
            if (pattern.matcher(path).matches()) {
                verbs.addAll(methods);
            }
        });
        if (verbs.contains("GET")) {
            verbs.add("HEAD");
        }
        return verbs.isEmpty() ? null : String.join(", ", verbs);
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static Pattern compile(String template) {
        String normalised = template.replaceAll("/+", "/").replaceAll("/$", "");
        return Pattern.compile(Pattern.quote(normalised).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
    }
}
