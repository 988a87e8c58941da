package dateline.i18n;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Delivery in several languages: localised section and tag names, per-language feeds and search. */
@QuarkusTest
class LanguagesTest {
    private static final Instant AT = Instant.parse("2025-10-16T09:00:00Z");

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String database;

    @Test
    void sectionsAndTagsShowTheirNameInTheArticlesLocaleWithStableSlugs() {
        String section = unique("world");
        given().contentType(ContentType.JSON).body(Map.of("slug", section, "name", "World", "names", Map.of("ru", "Мир", "pt", "Mundo")))
                .post("/api/v1/manage/sections").then().statusCode(201).body("names.ru", equalTo("Мир"));
        String tag = unique("russia");
        given().contentType(ContentType.JSON).body(Map.of("slug", tag, "name", "Russia", "names", Map.of("ru", "Россия")))
                .post("/api/v1/manage/tags").then().statusCode(201);
        String ru = Newsroom.slugOf(Newsroom.published(article("ru", section, tag, "Новости"), AT));
        String en = Newsroom.slugOf(Newsroom.published(article("en", section, tag, "News"), AT));
        String brazilian = Newsroom.slugOf(Newsroom.published(article("pt-BR", section, tag, "Notícias"), AT));
        given().get("/api/v1/articles/" + ru).then().statusCode(200)
                .body("section.slug", equalTo(section)).body("section.name", equalTo("Мир"))
                .body("tags.slug", contains(tag)).body("tags.name", contains("Россия"));
        given().get("/api/v1/articles/" + en).then().body("section.name", equalTo("World")).body("tags.name", contains("Russia"));
        // pt-BR has no name of its own: the language's (pt), then the default locale's.
        given().get("/api/v1/articles/" + brazilian).then().body("section.name", equalTo("Mundo")).body("tags.name", contains("Russia"));
        given().get("/api/v1/headlines?section=" + section + "&locale=ru").then().statusCode(200)
                .body("items.section.name", contains("Мир"));
        given().get("/api/v1/sections/" + section + "?locale=RU").then().statusCode(200)
                .body("slug", equalTo(section)).body("name", equalTo("Мир"));
        given().get("/api/v1/sections/" + section).then().body("name", equalTo("World"));
    }

    @Test
    void renamingASectionInALanguageRefreshesTheArticlesThatShowIt() {
        String section = unique("economy");
        String id = given().contentType(ContentType.JSON).body(Map.of("slug", section, "name", "Economy", "names", Map.of("ru", "Экономика")))
                .post("/api/v1/manage/sections").then().statusCode(201).extract().path("id");
        String ru = Newsroom.slugOf(Newsroom.published(article("ru", section, null, "Рубль"), AT));
        given().get("/api/v1/articles/" + ru).then().body("section.name", equalTo("Экономика"));
        given().get("/api/v1/articles/" + ru).then().header("X-Cache", "HIT");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Economy", "names", Map.of("ru", "Экономика и финансы")))
                .put("/api/v1/manage/sections/" + id).then().statusCode(200);
        given().get("/api/v1/articles/" + ru).then().header("X-Cache", not("HIT")).body("section.name", equalTo("Экономика и финансы"));
    }

    @Test
    void namesInUnknownOrDefaultLocalesAreRefusedAndNothingIsStored() {
        String section = unique("sport");
        given().contentType(ContentType.JSON).body(Map.of("slug", section, "name", "Sport", "names", Map.of("xx-!!", "?", "en", "Sport", "fr", "Sport")))
                .post("/api/v1/manage/sections").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("names.xx-!!", "names.en", "names.fr"));
        given().get("/api/v1/sections/" + section).then().statusCode(404);
        given().get("/api/v1/sections?locale=not_a_tag").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void feedsExistPerLanguageAndDeclareIt() {
        String section = unique("feeds");
        Newsroom.section(section);
        Newsroom.published(article("ru", section, null, "Лента"), AT);
        Newsroom.published(article("en", section, null, "Feed"), AT);
        given().get("/api/v1/feeds/rss?section=" + section + "&locale=ru").then().statusCode(200)
                .body(containsString("<language>ru</language>")).body(containsString("Лента"))
                .body(not(containsString("<title>Feed")));
        given().get("/api/v1/feeds/rss?section=" + section).then().statusCode(200)
                .body(containsString("<language>en</language>")).body(containsString("Лента")).body(containsString("Feed"));
        given().get("/api/v1/feeds/json?section=" + section + "&locale=ru").then().statusCode(200)
                .body("language", equalTo("ru")).body("items.language", contains("ru"))
                .body("feed_url", containsString("locale=ru"));
        given().get("/api/v1/feeds/atom?locale=ru!").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void searchInALanguageMatchesItsInflectionsOnPostgresqlAndWordsOnH2() {
        String marker = unique("x").replace("-", "");
        Newsroom.published(text("ru", "Делегация прибыла в Москву " + marker), AT);
        Newsroom.published(text("en", "Delegates arrived in Moscow " + marker), AT);
        // The same word as written finds the article on both databases, in its language only.
        given().get("/api/v1/articles?q=Москву " + marker + "&locale=ru").then().statusCode(200).body("items.locale", contains("ru"));
        given().get("/api/v1/articles?q=Москву " + marker + "&locale=en").then().statusCode(200).body("items", empty());
        if (database.startsWith("postgres")) {
            // Another form of the word: the Russian configuration stems both to the same lexeme.
            given().get("/api/v1/articles?q=Москва " + marker + "&locale=ru").then().body("items.locale", contains("ru"));
            given().get("/api/v1/articles?q=Москве " + marker).then().body("items.locale", contains("ru"));
            given().get("/api/v1/articles?q=arriving " + marker + "&sort=relevance").then().body("items.locale", contains("en"));
        } else {
            given().get("/api/v1/articles?q=Москва " + marker + "&locale=ru").then().body("items", empty());
        }
    }

    @Test
    void theDemoLeadArticleHasARussianTranslationMarkedAsTheDemos() {
        Map<String, Object> lead = given().get("/api/v1/articles?section=world&q=Gusman TASS&limit=1").then().statusCode(200)
                .extract().path("items[0]");
        List<Map<String, Object>> translations = (List<Map<String, Object>>) lead.get("translations");
        given().get("/api/v1/articles/" + lead.get("slug")).then().body("translations.locale", contains("ru"));
        String ru = (String) translations.get(0).get("slug");
        given().get("/api/v1/articles/" + ru).then().statusCode(200)
                .body("locale", equalTo("ru"))
                .body("subtitle", containsString("Демонстрационный перевод"))
                .body("section.name", equalTo("Мир"))
                .body("tags.name", contains("Россия", "Азербайджан", "ТАСС", "Кремль"))
                .body("translations.slug", contains(lead.get("slug")));
        String id = given().get("/api/v1/articles/" + ru).then().extract().path("id");
        given().get("/api/v1/manage/articles/" + id).then().body("externalId", equalTo("dateline-demo:translation:ru"));
    }

    private static Map<String, Object> article(String locale, String section, String tag, String title) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", title + " " + unique("n"));
        fields.put("locale", locale);
        fields.put("section", section);
        if (tag != null) {
            fields.put("tags", List.of(tag));
        }
        return fields;
    }

    private static Map<String, Object> text(String locale, String title) {
        return Map.of("title", title, "locale", locale);
    }
}
