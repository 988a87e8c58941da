package dateline.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import dateline.common.http.SurrogateKeys;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as an IPTC ninjs 3.1 news object (https://iptc.org/std/ninjs/). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Ninjs", description = "IPTC ninjs 3.1 news object")
public record Ninjs(
        @Schema(examples = "urn:uuid:3f1c9a7e-2b4d-4f7a-9c1e-8d2b6a5f4e31") String uri,
        @Schema(examples = "text") String type,
        @Schema(examples = "3") String version,
        String firstCreated,
        String versionCreated,
        @Schema(examples = "usable") String pubStatus,
        String language,
        String slugline,
        String by,
        List<Text> headlines,
        List<Text> descriptions,
        List<Body> bodies,
        List<Concept> subjects,
        List<Concept> people,
        List<Ninjs.Association> associations) implements SurrogateKeys {

    static final String PICTURE = "picture";

    /** The same keys as the article's JSON: a CDN purges both representations together. */
    @Override
    public List<String> surrogateKeys() {
        List<String> keys = new java.util.ArrayList<>();
        keys.add("article-" + uri.substring("urn:uuid:".length()));
        subjects.forEach(s -> keys.add(("section".equals(s.rel()) ? "section-" : "tag-") + s.literal()));
        associations.stream().filter(a -> PICTURE.equals(a.type())).forEach(a -> keys.add("media-" + a.uri().substring("urn:uuid:".length())));
        return keys;
    }

    /** A headline or description: role, media type and value. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NinjsText")
    public record Text(String role, String contentType, String value) {
    }

    /** A body with its media type and word count. */
    @Schema(name = "NinjsBody")
    public record Body(String role, String contentType, Integer wordCount, String value) {
    }

    /** A subject or person: name, relationship, identifier. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "NinjsConcept")
    public record Concept(String name, String rel, String uri, String literal) {
    }

    /**
     * A related news object, itself in ninjs: a related article (type text), or the lead image (type
     * picture) with its caption and alt text as descriptions, its credit as {@code by} and its renditions.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "NinjsAssociation")
    public record Association(String name, String rel, String uri, String type, String firstCreated,
                              List<Text> headlines, String slugline, List<Text> descriptions, String by,
                              String copyrightHolder, List<Rendition> renditions) {

        static Association text(String name, String rel, String uri, String firstCreated, List<Text> headlines, String slugline) {
            return new Association(name, rel, uri, "text", firstCreated, headlines, slugline, null, null, null, null);
        }
    }

    /** One rendition of a picture: a file of one size and type. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NinjsRendition")
    public record Rendition(@Schema(examples = "jpeg-320") String name, String href, @Schema(examples = "image/jpeg") String contentType,
                            Integer width, Integer height) {
    }
}
