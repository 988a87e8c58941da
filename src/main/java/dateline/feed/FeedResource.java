package dateline.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dateline.article.Article;
import dateline.media.ImageView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Standard syndication feeds of the newest published articles: RSS 2.0, Atom 1.0 and JSON Feed 1.1. */
@Path("/api/v1/feeds")
@Tag(name = "Feeds", description = "RSS, Atom and JSON Feed of the newest published articles")
public class FeedResource {
    static final String RSS = "application/rss+xml";
    static final String ATOM = "application/atom+xml";
    static final String JSON_FEED = "application/feed+json";

    private static final java.util.regex.Pattern XML_INVALID =
            java.util.regex.Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    private static final String LOCALE = "Only articles in this language (BCP 47): the feed of that language, which declares it"
            + " as its language; without it, every language, declared as the default locale";

    private final FeedEntries entries;

    FeedResource(FeedEntries entries) {
        this.entries = entries;
    }

    @GET
    @Path("rss")
    @Produces(RSS)
    @Operation(summary = "RSS 2.0 feed of the newest published articles")
    @APIResponse(responseCode = "200", description = "An RSS 2.0 document",
            content = @Content(mediaType = RSS, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    example = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Dateline</title>...</channel></rss>"))
    public String rssFeed(@Parameter(description = "Only this section (slug)") @QueryParam("section") String section,
                          @Parameter(description = "Only this tag (slug)") @QueryParam("tag") String tag,
                          @Parameter(description = LOCALE, example = "ru") @QueryParam("locale") String locale,
                          @Parameter(description = "Items (1-100)") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        return write(syndicate("rss_2.0", section, tag, locale, limit, "/api/v1/feeds/rss"));
    }

    @GET
    @Path("atom")
    @Produces(ATOM)
    @Operation(summary = "Atom 1.0 feed of the newest published articles")
    @APIResponse(responseCode = "200", description = "An Atom 1.0 document",
            content = @Content(mediaType = ATOM, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    example = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">...</feed>"))
    public String atomFeed(@Parameter(description = "Only this section (slug)") @QueryParam("section") String section,
                           @Parameter(description = "Only this tag (slug)") @QueryParam("tag") String tag,
                           @Parameter(description = LOCALE, example = "ru") @QueryParam("locale") String locale,
                           @Parameter(description = "Items (1-100)") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        return write(syndicate("atom_1.0", section, tag, locale, limit, "/api/v1/feeds/atom"));
    }

    @GET
    @Path("json")
    @Produces(JSON_FEED)
    @Operation(summary = "JSON Feed 1.1 of the newest published articles")
    public JsonFeed jsonFeed(@Parameter(description = "Only this section (slug)") @QueryParam("section") String section,
                             @Parameter(description = LOCALE, example = "ru") @QueryParam("locale") String locale,
                             @Parameter(description = "Only this tag (slug)") @QueryParam("tag") String tag,
                             @Parameter(description = "Items (1-100)") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        List<JsonFeed.Item> items = new ArrayList<>();
        FeedEntries.Language language = entries.language(locale);
        for (Article a : entries.newest(section, tag, language, limit)) {
            items.add(new JsonFeed.Item(FeedEntries.guid(a), entries.articleUrl(a), a.title, a.body,
                    a.body == null ? a.title : null, a.teaser, imageOf(a), a.publishedAt.toString(), a.updatedAt.toString(),
                    a.authors.stream().map(p -> new JsonFeed.Author(p.name)).toList(),
                    a.tags.stream().map(t -> t.nameIn(a.locale)).toList(), a.locale));
        }
        String query = FeedEntries.query(section, tag, language);
        return new JsonFeed("https://jsonfeed.org/version/1.1", FeedEntries.title(section, tag),
                entries.url("/api/v1/headlines" + query), entries.url("/api/v1/feeds/json" + query),
                "The newest published articles", language.tag(), items);
    }

    private SyndFeed syndicate(String type, String section, String tag, String locale, int limit, String path) {
        FeedEntries.Language language = entries.language(locale);
        List<Article> articles = entries.newest(section, tag, language, limit);
        String query = FeedEntries.query(section, tag, language);
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(FeedEntries.title(section, tag));
        feed.setDescription("The newest published articles");
        feed.setLink(entries.url("/api/v1/headlines" + query));
        feed.setUri("urn:dateline:feed:" + path.substring(path.lastIndexOf('/') + 1) + query);
        SyndLinkImpl self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(entries.url(path + query));
        SyndLinkImpl alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(entries.url("/api/v1/headlines" + query));
        feed.setLinks(List.of(alternate, self));
        feed.setLanguage(language.tag());
        if (type.startsWith("atom")) {
            SyndPerson publisher = new SyndPersonImpl();
            publisher.setName("Dateline");
            feed.setAuthors(List.of(publisher)); // Atom requires an author for entries without one of their own
        }
        Instant updated = articles.stream().map(a -> a.updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        feed.setPublishedDate(Date.from(updated));
        List<SyndEntry> items = new ArrayList<>();
        for (Article a : articles) {
            items.add(entry(a));
        }
        feed.setEntries(items);
        return feed;
    }

    private SyndEntry entry(Article a) {
        SyndEntry e = new SyndEntryImpl();
        e.setTitle(xml(a.title));
        e.setLink(entries.articleUrl(a));
        e.setUri(FeedEntries.guid(a));
        e.setPublishedDate(Date.from(a.publishedAt));
        e.setUpdatedDate(Date.from(a.updatedAt));
        if (a.teaser != null) {
            e.setDescription(content("text", xml(a.teaser)));
        }
        if (a.body != null) {
            e.setContents(List.of(content("html", xml(a.body))));
        }
        List<SyndPerson> authors = new ArrayList<>();
        a.authors.forEach(p -> {
            SyndPerson person = new SyndPersonImpl();
            person.setName(xml(p.name));
            authors.add(person);
        });
        if (!authors.isEmpty()) {
            e.setAuthors(authors);
        }
        List<SyndCategory> categories = new ArrayList<>();
        a.tags.forEach(t -> {
            SyndCategory c = new SyndCategoryImpl();
            c.setName(xml(t.nameIn(a.locale)));
            categories.add(c);
        });
        e.setCategories(categories);
        ImageView lead = entries.leadImage(a);
        if (lead != null) {
            // RSS <enclosure>, Atom <link rel="enclosure">. The length is unknown until the rendition is first
            // made; RSS readers accept 0 for that (RSS Advisory Board's best practices).
            SyndEnclosure enclosure = new SyndEnclosureImpl();
            enclosure.setUrl(lead.url());
            enclosure.setType("image/jpeg");
            enclosure.setLength(0);
            e.setEnclosures(List.of(enclosure));
        }
        return e;
    }

    /** JSON Feed's image: the lead image from the library, or else the image hosted elsewhere. */
    private String imageOf(Article a) {
        ImageView lead = entries.leadImage(a);
        return lead != null ? lead.url() : a.imageUrl;
    }

    /** Text without the control characters XML 1.0 cannot carry, which an editor may have pasted in. */
    static String xml(String text) {
        return text == null ? null : XML_INVALID.matcher(text).replaceAll("");
    }

    private static SyndContent content(String type, String value) {
        SyndContent content = new SyndContentImpl();
        content.setType(type);
        content.setValue(value);
        return content;
    }

    private static String write(SyndFeed feed) {
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write the " + feed.getFeedType() + " feed", e);
        }
    }
}
