package dateline.feed;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** A full page with tags and authors costs a fixed, small number of SQL statements: no N+1. */
@QuarkusTest
class QueryCountTest {
    @Inject
    SessionFactory sessions;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void aHundredItemPageWithTagsAndAuthorsCostsAFewStatements() {
        String section = Newsroom.section(unique("count"));
        List<String> tags = List.of(Newsroom.tag(unique("t")), Newsroom.tag(unique("t")), Newsroom.tag(unique("t")));
        List<String> authors = List.of(Newsroom.author(unique("a")), Newsroom.author(unique("a")));
        Instant at = Instant.parse("2024-08-01T00:00:00Z");
        for (int i = 0; i < 100; i++) {
            Map<String, Object> fields = new HashMap<>();
            fields.put("title", "Counted " + i);
            fields.put("section", section);
            fields.put("tags", tags);
            fields.put("authors", authors);
            Newsroom.published(fields, at.plusSeconds(i));
        }
        // articles: section lookup, page of ids, then the articles with their sections, tags, authors,
        // published translations and their terms' names in other languages together;
        // headlines: section lookup, and the page with its headline columns
        Map<String, Integer> most = Map.of("/api/v1/articles", 3, "/api/v1/headlines", 2);
        for (Map.Entry<String, Integer> path : most.entrySet()) {
            long before = sessions.getStatistics().getPrepareStatementCount();
            given().get(path.getKey() + "?limit=100&section=" + section).then().statusCode(200).body("items", hasSize(100));
            long statements = sessions.getStatistics().getPrepareStatementCount() - before;
            assertTrue(statements <= path.getValue(), path.getKey() + " used " + statements + " statements for 100 items");
        }
    }

    @Test
    void anArticlePageIsOneStatement() {
        String section = unique("count-page");
        String rusTag = unique("t");
        String plainTag = unique("t");
        named("sections", section, "World", Map.of("pt", "Mundo"));
        named("tags", rusTag, "Russia", Map.of("pt-BR", "Rússia", "pt", "Rússia (pt)", "ru", "Россия"));
        named("tags", plainTag, "Baku", Map.of("ru", "Баку"));
        String english = Newsroom.published(Map.of("title", "Counted page", "locale", "en"), Instant.parse("2024-10-01T00:00:00Z"));
        List<String> authors = List.of(Newsroom.author(unique("a")), Newsroom.author(unique("a")));
        String slug = Newsroom.slugOf(Newsroom.published(Map.of("title", "Página contada", "locale", "pt-BR", "section", section,
                "tags", List.of(rusTag, plainTag), "authors", authors, "translationOf", english), Instant.parse("2024-10-01T00:01:00Z")));

        // the article with its section, tags, authors, published translations and its terms' names together
        long before = sessions.getStatistics().getPrepareStatementCount();
        given().get("/api/v1/articles/" + slug).then().statusCode(200)
                .body("section.name", equalTo("Mundo"))
                .body("tags.name", contains("Rússia", "Baku"))
                .body("authors.slug", contains(authors.toArray()))
                .body("translations.locale", contains("en"));
        long statements = sessions.getStatistics().getPrepareStatementCount() - before;
        assertTrue(statements <= 1, "an article page used " + statements + " statements");
    }

    private static void named(String kind, String slug, String name, Map<String, String> names) {
        given().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", name, "names", names))
                .post("/api/v1/manage/" + kind).then().statusCode(201);
    }

    @Test
    void aLiveArticlesRelatedHeadlinesCostNoStatement() {
        String section = Newsroom.section(unique("count-related"));
        List<String> tags = List.of(Newsroom.tag(unique("t")), Newsroom.tag(unique("t")));
        Instant at = Instant.parse("2024-09-01T00:00:00Z");
        List<String> neighbours = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            neighbours.add(Newsroom.published(Map.of("title", "Neighbour " + i, "section", section, "tags", tags), at.plusSeconds(i)));
        }
        Map<String, Object> fields = new HashMap<>(Map.of("title", "Counted related", "section", section, "tags", tags));
        fields.put("related", neighbours.subList(0, 2));
        String slug = Newsroom.slugOf(Newsroom.published(fields, at.plusSeconds(60)));

        // the related index is built on first use: not part of a request's cost
        given().get("/api/v1/articles/" + Newsroom.slugOf(neighbours.get(0)) + "/related").then().statusCode(200);

        // the article's outline (row, tags, curated ids), the candidates and the headlines listed, curated and
        // ranked, are all the related index's; it was two statements when the headlines were read by id
        long before = sessions.getStatistics().getPrepareStatementCount();
        given().get("/api/v1/articles/" + slug + "/related").then().statusCode(200).body("$", hasSize(10))
                .body("title[0]", equalTo("Neighbour 0")).body("title[1]", equalTo("Neighbour 1"));
        long statements = sessions.getStatistics().getPrepareStatementCount() - before;
        assertEquals(0, statements, "related headlines used " + statements + " statements");
    }

    @Test
    void aPublishCostsAFixedFewStatementsWhateverTheArticleCarries() {
        String section = Newsroom.section(unique("count-publish"));
        List<String> tags = List.of(Newsroom.tag(unique("t")), Newsroom.tag(unique("t")), Newsroom.tag(unique("t")));
        List<String> authors = List.of(Newsroom.author(unique("a")), Newsroom.author(unique("a")));
        Instant at = Instant.parse("2024-10-01T00:00:00Z");
        List<String> related = List.of(Newsroom.published(Map.of("title", "Earlier one", "section", section), at),
                Newsroom.published(Map.of("title", "Earlier two", "section", section), at.plusSeconds(1)));
        Map<String, Object> fields = new HashMap<>(Newsroom.article("Counted publish", section, tags));
        fields.put("authors", authors);
        fields.put("related", related);
        String id = Newsroom.draft(fields);

        // the row lock; the section, tags, authors and related ids in one read; the active webhooks; the update;
        // the tag timeline; the revision; the sync log's number and row (one statement on PostgreSQL, two on H2);
        // on PostgreSQL the search keys and the notification to other instances.
        // Loaded lazily, the references were four statements, and the sync log took five.
        long before = sessions.getStatistics().getPrepareStatementCount();
        Newsroom.publish(id, null);
        long statements = sessions.getStatistics().getPrepareStatementCount() - before;
        int expected = dbKind.startsWith("postgres") ? 9 : 8;
        assertTrue(statements <= expected, "a publish used " + statements + " statements, not at most " + expected);
        given().get("/api/v1/articles/" + Newsroom.slugOf(id)).then().statusCode(200)
                .body("tags.slug", contains(tags.toArray())).body("authors.slug", contains(authors.toArray()));
    }
}
