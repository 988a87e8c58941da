package dateline.common.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail: the body of every error Dateline returns. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "violations"})
@Schema(name = "Problem", description = "RFC 9457 problem details, served as application/problem+json.")
public class Problem {

    @Schema(description = "URI identifying the problem type", examples = "urn:dateline:problem:invalid-content")
    public final String type;
    @Schema(description = "Short summary of the problem type", examples = "Invalid content")
    public final String title;
    @Schema(description = "HTTP status code", examples = "422")
    public final int status;
    @Schema(description = "Explanation specific to this occurrence", examples = "The article has 1 invalid field.")
    public final String detail;
    @Schema(description = "The request path this problem occurred on", examples = "/api/v1/manage/articles")
    public final String instance;
    @Schema(description = "Each invalid field or parameter, present on validation problems")
    public final List<Violation> violations;

    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.violations = violations == null || violations.isEmpty() ? null : List.copyOf(violations);
    }

    Problem with(Map<String, Object> members) {
        extensions.putAll(members);
        return this;
    }

    /** Problem-specific members such as {@code currentVersion} or {@code usage}. */
    @JsonAnyGetter
    @Schema(hidden = true)
    public Map<String, Object> extensions() {
        return extensions;
    }
}
