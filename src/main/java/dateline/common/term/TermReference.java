package dateline.common.term;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads a reference to a section, tag or author as an editor may send it: its slug or id, or the
 * {@code {id, slug, name}} object a read of the article returned, so that a client can send back what it
 * read. The object's id wins over its slug; its name is not looked at (names are not unique).
 */
public class TermReference extends StdDeserializer<String> {
    public TermReference() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        JsonNode object = parser.readValueAsTree();
        for (String member : new String[] {"id", "slug"}) {
            JsonNode value = object.get(member);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return (String) context.handleUnexpectedToken(String.class, JsonToken.START_OBJECT, parser,
                "a reference object needs its id or slug");
    }
}
