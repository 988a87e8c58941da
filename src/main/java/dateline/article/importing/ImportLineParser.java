package dateline.article.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dateline.article.ArticleInput;
import dateline.common.problem.InvalidContent;
import dateline.common.problem.ProblemException;
import dateline.common.problem.ProblemType;
import dateline.common.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads one NDJSON line into a record, or into the problem that keeps it out, before anything is written. */
@ApplicationScoped
class ImportLineParser {
    private final ObjectReader reader;
    private final Validator validator;

    ImportLineParser(ObjectMapper json, Validator validator) {
        this.reader = json.readerFor(ArticleRecord.class);
        this.validator = validator;
    }

    /** The line as read, or null for a blank line. */
    ParsedLine parse(int number, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new ParsedLine(number, null, new ProblemException(ProblemType.MALFORMED_JSON, "The line is not UTF-8."));
        }
        if (text.isBlank()) {
            return null;
        }
        ArticleRecord record;
        try {
            record = reader.readValue(text);
        } catch (JsonProcessingException e) {
            return new ParsedLine(number, null, ProblemException.fromJson(e));
        }
        if (record == null) {
            return new ParsedLine(number, null, new InvalidContent(Violation.body("(line)", "must be a JSON object, one article")));
        }
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<ArticleInput> v : validator.validate(record.toInput(record.relatedIds()))) {
            violations.add(Violation.body(v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage()));
        }
        if (record.externalId() != null && (record.externalId().isBlank() || record.externalId().length() > 200)) {
            violations.add(Violation.body("externalId", "must be 1 to 200 characters"));
        }
        return new ParsedLine(number, record, violations.isEmpty() ? null : new InvalidContent(violations));
    }
}
