package dateline.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.stream.Collectors;

/** The published schemas (copies in src/test/resources/schemas, see SOURCES.md there) as validators. */
public final class Schemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final JsonSchema NINJS_3_1 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    b -> b.schemaMappers(m -> m.mapPrefix("https://geojson.org/schema/GeoJSON.json", "classpath:schemas/GeoJSON-schema.json")))
            .getSchema(SchemaLocation.of("classpath:schemas/ninjs-schema_3.1.json"));
    public static final JsonSchema JSON_FEED_1_1 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                    b -> b.schemaMappers(m -> m.mapPrefix("https://json.schemastore.org/feed-1", "classpath:schemas/jsonfeed-1.0.schemastore.json")))
            .getSchema(SchemaLocation.of("classpath:schemas/jsonfeed-1.1.schemastore.json"));

    private Schemas() {
    }

    /** The schema's complaints about a document; empty when it is valid. */
    public static String problems(JsonSchema schema, String document) {
        try {
            JsonNode node = JSON.readTree(document);
            Set<ValidationMessage> messages = schema.validate(node);
            return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("\n"));
        } catch (java.io.IOException e) {
            return "not JSON: " + e.getMessage();
        }
    }
}
