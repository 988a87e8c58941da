package dateline.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dateline.article.ArticleRepository;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page Dateline grew from is its first content: the lead article and its ten related headlines. */
@QuarkusTest
class DemoContentTest {
    @Inject
    DemoContent demo;
    @Inject
    ArticleRepository articles;
    private static final List<String> HEADLINE_DATES = List.of("2025-10-17", "2025-10-16", "2025-10-16", "2025-10-15",
            "2025-10-14", "2025-10-14", "2025-10-14", "2025-10-14", "2025-10-12", "2025-10-10");

    @Test
    void theLeadArticleIsPublishedWithParagraphsSectionAndTags() throws IOException {
        String title = seedLines().get(0);
        Map<String, Object> lead = lead();
        assertEquals(title, lead.get("title"));
        String slug = (String) lead.get("slug");
        given().get("/api/v1/articles/" + slug).then().statusCode(200)
                .body("section.slug", equalTo("world"))
                .body("tags.slug", contains("russia", "azerbaijan", "tass", "kremlin"))
                .body("publishedAt", equalTo("2025-10-17T15:00:00Z"))
                .body("body", not(containsString("\n")))
                .body("body", containsString("<p>A new diplomatic scandal has erupted in Russia: TASS Deputy Director General Mikhail Gusman has been dismissed"));
        String body = given().get("/api/v1/articles/" + slug).then().extract().path("body");
        assertEquals(8, body.split("<p>", -1).length - 1, "eight paragraphs");
    }

    @Test
    void theTenRelatedHeadlinesKeepTheSeedsOrderAndDates() throws IOException {
        List<String> lines = seedLines();
        List<String> seedTitles = new java.util.ArrayList<>();
        int gap = lines.indexOf("");
        List<String> rest = lines.subList(gap, lines.size()).stream().filter(l -> !l.isBlank()).toList();
        for (int i = 0; i < rest.size(); i += 2) {
            seedTitles.add(rest.get(i));
        }
        String leadId = (String) lead().get("id");
        List<String> related = given().get("/api/v1/manage/articles/" + leadId).then().statusCode(200)
                .body("related", hasSize(10)).extract().path("related");
        for (int i = 0; i < 10; i++) {
            Map<String, Object> item = given().get("/api/v1/manage/articles/" + related.get(i)).then().statusCode(200)
                    .body("status", equalTo("PUBLISHED")).extract().path("");
            assertEquals(seedTitles.get(i), item.get("title"));
            assertEquals(HEADLINE_DATES.get(i), ((String) item.get("publishedAt")).substring(0, 10));
        }
        given().get("/api/v1/articles/" + lead().get("slug") + "/related").then().statusCode(200)
                .body("title", equalTo(seedTitles));
    }

    @Test
    @TestTransaction
    void itNeverLoadsIntoADatabaseThatHoldsContent() {
        long before = articles.count();
        demo.loadIntoEmptyDatabase();
        assertEquals(before, articles.count());
    }

    private static Map<String, Object> lead() {
        return given().get("/api/v1/articles?section=world&q=Gusman TASS&limit=1").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items[0]");
    }

    private static List<String> seedLines() throws IOException {
        try (InputStream in = DemoContentTest.class.getResourceAsStream(DemoContent.SEED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).toList();
        }
    }
}
