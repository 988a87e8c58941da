package dateline.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.common.problem.InvalidContent;
import dateline.common.problem.ProblemException;
import dateline.common.problem.ProblemType;
import dateline.common.problem.Violation;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonMergePatch;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.util.List;
import java.util.Set;

/**
 * A JSON Merge Patch (RFC 7396) of an article's editable content: members set replace, {@code null}
 * removes, absent members stay. The patched content must pass the same rules as a full replace.
 */
public final class ArticlePatch {
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final JsonMergePatch patch;
    private final ObjectMapper json;
    private final Validator validator;

    private ArticlePatch(JsonMergePatch patch, ObjectMapper json, Validator validator) {
        this.patch = patch;
        this.json = json;
        this.validator = validator;
    }

    static ArticlePatch parse(String body, ObjectMapper json, Validator validator) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The patch is not valid JSON (line "
                    + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ").");
        } catch (JsonException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The patch is not valid JSON.");
        } catch (RuntimeException e) {
            // Parsson refuses input nested deeper than its limit with a plain RuntimeException.
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The patch is not acceptable JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            // RFC 7396 would replace the whole article with it; an article is an object.
            throw new InvalidContent(Violation.body("(body)", "a merge patch of an article must be a JSON object"));
        }
        return new ArticlePatch(Json.createMergePatch(value), json, validator);
    }

    ArticleInput applyTo(ArticleInput current) {
        try {
            JsonValue target;
            try (JsonReader reader = Json.createReader(new StringReader(json.writeValueAsString(current)))) {
                target = reader.readValue();
            }
            ArticleInput patched = json.readValue(patch.apply(target).toString(), ArticleInput.class);
            Set<ConstraintViolation<ArticleInput>> violations = validator.validate(patched);
            if (!violations.isEmpty()) {
                List<Violation> found = violations.stream()
                        .map(v -> Violation.body(v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage()))
                        .sorted((a, b) -> a.field().compareTo(b.field())).toList();
                throw new InvalidContent(found);
            }
            return patched;
        } catch (JsonMappingException e) {
            throw InvalidContent.from(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the article's content as JSON", e);
        }
    }
}
