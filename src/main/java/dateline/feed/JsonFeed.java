package dateline.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "JsonFeed")
public record JsonFeed(
        @Schema(examples = "https://jsonfeed.org/version/1.1") String version,
        @Schema(examples = "Dateline") String title,
        @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl,
        String description,
        @Schema(description = "The feed's language: the locale asked for, else the default locale", examples = "en") String language,
        List<Item> items) {

    /** One article in the feed. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "JsonFeedItem")
    public record Item(
            @Schema(examples = "urn:uuid:3f1c9a7e-2b4d-4f7a-9c1e-8d2b6a5f4e31") String id,
            String url,
            String title,
            @JsonProperty("content_html") String contentHtml,
            @JsonProperty("content_text") String contentText,
            String summary,
            @JsonProperty("image") String image,
            @JsonProperty("date_published") String datePublished,
            @JsonProperty("date_modified") String dateModified,
            List<Author> authors,
            List<String> tags,
            String language) {
    }

    /** A byline entry. */
    @Schema(name = "JsonFeedAuthor")
    public record Author(String name) {
    }
}
