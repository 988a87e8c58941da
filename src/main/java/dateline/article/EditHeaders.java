package dateline.article;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** What every management write of an article may say about itself, in headers so bodies stay pure content. */
public class EditHeaders {
    @HeaderParam("If-Match")
    @Parameter(description = "ETag of the version being edited (from GET). Required by PUT, PATCH and DELETE; honoured by the other writes.",
            example = "\"3\"")
    @Size(max = 200)
    public String ifMatch;

    @HeaderParam("X-Actor")
    @Parameter(description = "Who makes the change, recorded in the revision; 'system' when absent", example = "jane.doe")
    @Size(max = 200)
    public String actor;

    @HeaderParam("X-Change-Summary")
    @Parameter(description = "Why, recorded in the revision; percent-encode non-ASCII text", example = "Fixed%20the%20headline")
    @Size(max = 500)
    public String summary;

    /** A write Dateline makes by itself (scheduler, import), recorded under that name. */
    public static EditHeaders by(String actor) {
        EditHeaders edit = new EditHeaders();
        edit.actor = actor;
        return edit;
    }

    String actorOrSystem() {
        return actor == null || actor.isBlank() ? "system" : decode(actor);
    }

    String summaryOr(String fallback) {
        return summary == null || summary.isBlank() ? fallback : decode(summary);
    }

    private static String decode(String header) {
        try {
            return URLDecoder.decode(header.strip(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header.strip(); // not percent-encoded after all: keep it as sent
        }
    }
}
