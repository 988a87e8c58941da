package dateline.common.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

/**
 * Where a bean-validation violation of a resource method lies: a query, path or header parameter, or a
 * field inside the request body (the parameter without a JAX-RS annotation).
 */
record ViolationPath(String field, String in) {

    boolean inBody() {
        return in.equals("body") && !field.equals("(body)");
    }

    /** @param method the resource method that was called, or null where none was */
    static ViolationPath of(ConstraintViolation<?> violation, Method method) {
        int index = -1;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                index = node.as(Path.ParameterNode.class).getParameterIndex();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null && !field.isEmpty()) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    field.append(field.isEmpty() ? "" : ".").append(node.getName());
                }
            }
        }
        Parameter declared = method != null && index >= 0 && index < method.getParameterCount() ? method.getParameters()[index] : null;
        if (declared != null && declared.isAnnotationPresent(BeanParam.class)) {
            QueryParam query = beanField(declared.getType(), field.toString(), QueryParam.class);
            if (query != null) {
                return new ViolationPath(query.value(), "query");
            }
            HeaderParam header = beanField(declared.getType(), field.toString(), HeaderParam.class);
            if (header != null) {
                return new ViolationPath(header.value(), "header");
            }
        }
        if (declared != null) {
            for (Annotation a : declared.getAnnotations()) {
                if (a instanceof QueryParam q) {
                    return new ViolationPath(q.value(), "query");
                }
                if (a instanceof PathParam p) {
                    return new ViolationPath(p.value(), "path");
                }
                if (a instanceof HeaderParam h) {
                    return new ViolationPath(h.value(), "header");
                }
            }
        }
        if (field.isEmpty()) {
            return new ViolationPath("(body)", "body");
        }
        return new ViolationPath(field.toString(), "body");
    }

    private static <A extends Annotation> A beanField(Class<?> bean, String field, Class<A> annotation) {
        try {
            return bean.getField(field).getAnnotation(annotation);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
