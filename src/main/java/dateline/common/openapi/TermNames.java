package dateline.common.openapi;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Puts a kind's name into the operations that sections, tags and authors share. TermManageResource and
 * TermReadResource are annotated once for all three kinds, with placeholders where the name goes:
 * {@code create{Term}}, {@code "Create {a term}"}, {@code listManaged{Terms}}, {@code "List {terms}"}.
 * The contract (and the audit log, through {@link OperationIds}) must still say createSection and
 * "Create an author", as when each kind had resources of its own; a placeholder left in would be a
 * duplicate operationId, or a summary no client should read.
 * <p>
 * The kind is the collection the path names, so no annotation has to repeat it:
 * {@code /api/v1/manage/sections/{id}} and {@code /api/v1/sections/{slug}} are sections.
 */
public final class TermNames implements OASFilter {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(term|Term|terms|Terms|a term)}");
    private static final Pattern COLLECTION = Pattern.compile("^/api/v1/(?:manage/)?([a-z]+)s(?:/|$)");

    /** Fills the placeholders of every operation: its id and texts, and the schemas its responses name. */
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                Operation op = entry.getValue();
                op.setOperationId(fill(op.getOperationId(), path));
                op.setSummary(fill(op.getSummary(), path));
                op.setDescription(fill(op.getDescription(), path));
                if (op.getParameters() != null) {
                    for (Parameter parameter : op.getParameters()) {
                        parameter.setDescription(fill(parameter.getDescription(), path));
                    }
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(response -> fill(response, path));
                }
            }
        });
    }

    /** A response's description, and the schema it names: {@code ref = "{Term}"} is the kind's view. */
    private static void fill(APIResponse response, String path) {
        response.setDescription(fill(response.getDescription(), path));
        if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
            for (MediaType media : response.getContent().getMediaTypes().values()) {
                if (media.getSchema() != null) {
                    media.getSchema().setRef(fill(media.getSchema().getRef(), path));
                }
            }
        }
    }

    /**
     * The text with the kind that {@code path} names in its placeholders; a text without any (null too) as
     * it is. A placeholder on a path that names no kind is a mistake in the annotations, and fails the build.
     */
    public static String fill(String text, String path) {
        if (text == null || !PLACEHOLDER.matcher(text).find()) {
            return text;
        }
        Matcher collection = COLLECTION.matcher(path);
        if (!collection.find()) {
            throw new IllegalStateException("'" + text + "' names a kind of term, but " + path + " is not a collection of terms");
        }
        String one = collection.group(1);
        String capital = Character.toUpperCase(one.charAt(0)) + one.substring(1);
        return PLACEHOLDER.matcher(text).replaceAll(placeholder -> Matcher.quoteReplacement(switch (placeholder.group(1)) {
            case "term" -> one;
            case "Term" -> capital;
            case "terms" -> one + "s";
            case "Terms" -> capital + "s";
            default -> ("aeiou".indexOf(one.charAt(0)) >= 0 ? "an " : "a ") + one;
        }));
    }
}
