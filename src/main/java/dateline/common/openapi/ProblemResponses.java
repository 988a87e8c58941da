package dateline.common.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.Extensible;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem responses every operation can give, in one place: what the problem mapper answers
 * for bad parameters, unknown ids, unacceptable media types, oversized or invalid bodies and failures.
 * the If-Match preconditions of article writes (412, and 428 where If-Match is required), and the 409s
 * an operation names ({@link Conflicts}), each described once. Being the one filter MicroProfile config
 * lets the application name, it first has {@link TermNames} fill in the kinds' names.
 */
public class ProblemResponses implements OASFilter {
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** Articles are the versioned resource: their writes check If-Match (ArticleService). */
    private static final String VERSIONED = "/api/v1/manage/articles";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new TermNames().filterOpenAPI(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                document(path, entry.getValue());
            }
        });
    }

    private static void document(String path, Operation op) {
        APIResponses responses = op.getResponses();
        boolean hasBody = op.getRequestBody() != null;
        boolean hasParameters = op.getParameters() != null && !op.getParameters().isEmpty();
        if (hasBody || hasParameters) {
            add(responses, "400", "Malformed JSON, or a parameter of the wrong type or range");
        }
        if (path.contains("{")) {
            add(responses, "404", "Nothing exists with this id or slug");
        }
        if (path.startsWith("/api/v1/manage")) {
            add(responses, "401", "No bearer token, or one that is unknown, revoked or expired");
            add(responses, "403", "The token's role does not allow this operation");
            authenticationBeforeRequestProblems(responses);
        }
        if (path.startsWith(VERSIONED + "/{id}") && takesIfMatch(op)) {
            add(responses, "412", "If-Match does not name the current version; the problem's currentVersion does");
            if (isReplaceOrDelete(path)) {
                add(responses, "428", "If-Match is missing, or * (which names no version); the problem's currentVersion says which to send");
            }
        }
        String conflicts = takeConflicts(op);
        if (conflicts != null) {
            add(responses, "409", Conflicts.describe(conflicts));
        }
        add(responses, "406", "The Accept header names no media type this operation produces");
        if (hasBody) {
            add(responses, "413", "The body is larger than 1 MiB");
            add(responses, "415", "The Content-Type is not accepted");
            add(responses, "422", "The content breaks a rule; violations name each field");
        }
        if (path.startsWith("/api/")) {
            add(responses, "429", "Over the request budget of this token or client address; retry after Retry-After seconds");
        }
        add(responses, "500", "An unexpected failure; it has been logged");
    }

    /**
     * The conflicts the operation names, taken out of the model: they are a note to this filter, not part
     * of the contract. An extension on a resource method lands on the operation's other parts too.
     */
    private static String takeConflicts(Operation op) {
        List<Extensible<?>> parts = new ArrayList<>();
        parts.add(op);
        if (op.getRequestBody() != null) {
            parts.add(op.getRequestBody());
        }
        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
            parts.addAll(op.getResponses().getAPIResponses().values());
        }
        String named = null;
        for (Extensible<?> part : parts) {
            if (part.getExtensions() != null && part.getExtensions().get(Conflicts.NAMED) != null) {
                named = String.valueOf(part.getExtensions().get(Conflicts.NAMED));
                part.removeExtension(Conflicts.NAMED);
            }
        }
        return named;
    }

    /**
     * 401 and 403 before 400 and 404, where Quarkus puts them on the operations whose roles it sees. It does
     * not see those of inherited methods (TermManageResource's), which state their roles with
     * {@code @SecurityRequirement} instead; this keeps every operation's responses in one order.
     */
    private static void authenticationBeforeRequestProblems(APIResponses responses) {
        Map<String, APIResponse> all = responses.getAPIResponses();
        Map<String, APIResponse> ordered = new LinkedHashMap<>();
        all.forEach((status, response) -> {
            if (status.equals("400") || status.equals("404")) {
                ordered.putIfAbsent("401", all.get("401"));
                ordered.putIfAbsent("403", all.get("403"));
            }
            ordered.putIfAbsent(status, response);
        });
        responses.setAPIResponses(ordered);
    }

    private static boolean takesIfMatch(Operation op) {
        return op.getParameters() != null && op.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
    }

    /** PUT, PATCH and DELETE of the article itself: the writes that refuse to run without If-Match (Preconditions.required). */
    private static boolean isReplaceOrDelete(String path) {
        return path.equals(VERSIONED + "/{id}");
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status) && responses.getAPIResponse(status).getContent() != null) {
            return; // documented on the operation itself
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
    }
}
