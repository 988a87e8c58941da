package dateline.common.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a body, or one invalid parameter of a request. */
@Schema(name = "Violation")
public record Violation(
        @Schema(description = "Field path or parameter name", examples = "title") String field,
        @Schema(description = "Where the field was sent", enumeration = {"body", "query", "path", "header"}, examples = "body") String in,
        @Schema(description = "What is wrong with it", examples = "must not be blank") String message) {

    public static Violation body(String field, String message) {
        return new Violation(field, "body", message);
    }

    public static Violation query(String field, String message) {
        return new Violation(field, "query", message);
    }
}
