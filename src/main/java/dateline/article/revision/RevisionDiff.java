package dateline.article.revision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What changed between two revisions: each changed field with both values; the body as a unified text diff. */
@Schema(name = "RevisionDiff")
public record RevisionDiff(
        @Schema(examples = "2") int from,
        @Schema(examples = "5") int to,
        List<FieldChange> changes,
        @Schema(nullable = true, description = "Unified diff of the body, one block element per line; null when the body did not change")
        String bodyDiff) {

    @Schema(name = "FieldChange")
    public record FieldChange(
            @Schema(examples = "title") String field,
            @Schema(nullable = true, description = "Value in the older revision") Object from,
            @Schema(nullable = true, description = "Value in the newer revision") Object to) {
    }

    static RevisionDiff between(Revision older, Revision newer, ObjectMapper json) {
        JsonNode a = json.valueToTree(older.content());
        JsonNode b = json.valueToTree(newer.content());
        List<FieldChange> changes = new ArrayList<>();
        for (Iterator<String> names = b.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!a.path(field).equals(b.path(field))) {
                changes.add(field.equals("body")
                        ? new FieldChange(field, null, null) // the body's change is in bodyDiff
                        : new FieldChange(field, json.convertValue(a.get(field), Object.class), json.convertValue(b.get(field), Object.class)));
            }
        }
        String body = null;
        if (!a.path("body").equals(b.path("body"))) {
            List<String> before = lines(older.content().body());
            List<String> after = lines(newer.content().body());
            body = String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("revision " + older.number(), "revision " + newer.number(),
                    before, DiffUtils.diff(before, after), 2));
        }
        return new RevisionDiff(older.number(), newer.number(), changes, body);
    }

    /** One line per block element, so a diff names the paragraph that changed. */
    private static List<String> lines(String html) {
        if (html == null) {
            return List.of();
        }
        return Arrays.asList(html.replaceAll("(</(?:p|h2|h3|h4|blockquote|li|ul|ol|figure)>)", "$1\n").split("\n"));
    }
}
