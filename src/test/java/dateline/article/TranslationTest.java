package dateline.article;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Translation groups: the same story in several languages, linked, listed and announced with hreflang. */
@QuarkusTest
class TranslationTest {
    private static final Instant AT = Instant.parse("2025-10-17T15:00:00Z");

    @Test
    void anArticleCreatedAsATranslationJoinsTheOriginalsGroup() {
        String en = Newsroom.draft(story("en", null));
        String group = given().get("/api/v1/manage/articles/" + en).then().statusCode(200)
                .body("translationGroup", equalTo(en)) // alone, an article is its own group
                .extract().path("translationGroup");
        given().contentType(ContentType.JSON).body(story("ru", en)).post("/api/v1/manage/articles").then().statusCode(201)
                .body("locale", equalTo("ru")).body("translationGroup", equalTo(group));
    }

    @Test
    void aGroupHoldsOneArticlePerLocaleAndARefusedTranslationIsNotStored() {
        String en = Newsroom.draft(story("en", null));
        String ru = Newsroom.draft(story("ru", en));
        String slug = unique("second-russian");
        Map<String, Object> second = story("ru", en);
        second.put("slug", slug);
        given().contentType(ContentType.JSON).body(second).post("/api/v1/manage/articles").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dateline:problem:translation-exists"))
                .body("articleId", equalTo(ru));
        // Nothing was written: the slug the refused article asked for is still free.
        second.remove("translationOf");
        given().contentType(ContentType.JSON).body(second).post("/api/v1/manage/articles").then().statusCode(201)
                .body("slug", equalTo(slug));
    }

    @Test
    void localesAreNormalisedAndOnlyAllowedOnesAccepted() {
        Map<String, Object> brazilian = story("pt-br", null);
        given().contentType(ContentType.JSON).body(brazilian).post("/api/v1/manage/articles").then().statusCode(201)
                .body("locale", equalTo("pt-BR"));
        // fr is well-formed but not among dateline.locales.allowed in the tests (en, ru, az, pt, pt-BR, de).
        given().contentType(ContentType.JSON).body(story("fr", null)).post("/api/v1/manage/articles").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", contains("locale"))
                .body("violations[0].message", equalTo("must be one of [az, de, en, pt, pt-BR, ru]"));
        given().contentType(ContentType.JSON).body(story("en_GB!", null)).post("/api/v1/manage/articles").then().statusCode(422)
                .body("violations[0].message", equalTo("must be a BCP 47 language tag such as en or pt-BR"));
    }

    @Test
    void translationOfMustNameAnotherExistingArticle() {
        String missing = java.util.UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(story("ru", missing)).post("/api/v1/manage/articles").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", contains("translationOf"))
                .body("violations[0].message", equalTo("no article has the id " + missing));
        String en = Newsroom.draft(story("en", null));
        given().contentType(ContentType.JSON).header("If-Match", Newsroom.etag(en)).body(Map.of("translationOf", en))
                .contentType("application/merge-patch+json").patch("/api/v1/manage/articles/" + en).then().statusCode(422)
                .body("violations[0].message", equalTo("an article cannot be a translation of itself"));
    }

    @Test
    void deliveryListsPublishedTranslationsOnlyWithHreflangLinks() {
        String en = Newsroom.published(story("en", null), AT);
        String ru = Newsroom.draft(story("ru", en));
        String enSlug = Newsroom.slugOf(en);
        String ruSlug = Newsroom.slugOf(ru);
        // A draft translation is never shown.
        given().get("/api/v1/articles/" + enSlug).then().statusCode(200)
                .body("translations", empty()).header("Link", nullValue());
        given().get("/api/v1/articles/" + enSlug).then().statusCode(200).header("X-Cache", "HIT");

        Newsroom.publish(ru, AT);
        // Publishing the Russian article changes the English one's response at once, cached or not.
        given().get("/api/v1/articles/" + enSlug).then().statusCode(200)
                .header("X-Cache", not("HIT"))
                .header("Surrogate-Key", org.hamcrest.Matchers.containsString("translations-" + en)) // a CDN purges it with the group
                .body("translationGroup", equalTo(en))
                .body("translations.locale", contains("ru"))
                .body("translations[0].slug", equalTo(ruSlug))
                .body("translations[0].title", equalTo("Россия уволила замгендиректора"))
                .header("Link", equalTo("<http://localhost:8080/api/v1/articles/" + ruSlug + ">; rel=\"alternate\"; hreflang=\"ru\""));
        given().get("/api/v1/articles/" + ruSlug).then().statusCode(200)
                .body("locale", equalTo("ru"))
                .body("translations.locale", contains("en"))
                .header("Link", equalTo("<http://localhost:8080/api/v1/articles/" + enSlug + ">; rel=\"alternate\"; hreflang=\"en\""));
    }

    @Test
    void anExistingArticleIsLinkedWithAPatchAndUnlinkedWithADelete() {
        String en = Newsroom.published(story("en", null), AT);
        String ru = Newsroom.published(story("ru", en), AT);
        String az = Newsroom.published(story("az", null), AT);
        String enSlug = Newsroom.slugOf(en);
        given().contentType("application/merge-patch+json").header("If-Match", Newsroom.etag(az))
                .body(Map.of("translationOf", ru)).patch("/api/v1/manage/articles/" + az).then().statusCode(200)
                .body("translationGroup", equalTo(en));
        given().get("/api/v1/articles/" + enSlug).then().statusCode(200).body("translations.locale", contains("az", "ru"))
                .header("Link", equalTo("<http://localhost:8080/api/v1/articles/" + Newsroom.slugOf(az) + ">; rel=\"alternate\"; hreflang=\"az\", "
                        + "<http://localhost:8080/api/v1/articles/" + Newsroom.slugOf(ru) + ">; rel=\"alternate\"; hreflang=\"ru\""));

        // The first article of the group leaves it: the other two stay linked.
        String left = given().delete("/api/v1/manage/articles/" + en + "/translation-group").then().statusCode(200)
                .body("translationGroup", not(equalTo(en))).extract().path("translationGroup");
        given().get("/api/v1/articles/" + enSlug).then().statusCode(200)
                .body("translationGroup", equalTo(left)).body("translations", empty()).header("Link", nullValue());
        given().get("/api/v1/articles/" + Newsroom.slugOf(ru)).then().statusCode(200).body("translations.locale", contains("az"));
        given().get("/api/v1/manage/articles/" + en + "/revisions").then().statusCode(200)
                .body("items.summary", hasItem("Left its translation group"));
    }

    @Test
    void aLocaleChangeThatCollidesInTheGroupIsAConflict() {
        String en = Newsroom.draft(story("en", null));
        String ru = Newsroom.draft(story("ru", en));
        given().contentType("application/merge-patch+json").header("If-Match", Newsroom.etag(ru))
                .body(Map.of("locale", "EN")).patch("/api/v1/manage/articles/" + ru).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dateline:problem:translation-exists")).body("articleId", equalTo(en));
        given().get("/api/v1/manage/articles/" + ru).then().body("locale", equalTo("ru"));
    }

    @Test
    void listsAndHeadlinesFilterByLocaleAndCarryTheGroup() {
        String word = unique("polyglot").replace("-", "");
        Map<String, Object> english = story("en", null);
        english.put("title", "Baku answers " + word);
        String en = Newsroom.published(english, AT);
        Map<String, Object> russian = story("ru", en);
        russian.put("title", "Баку отвечает " + word);
        Newsroom.published(russian, AT);
        given().get("/api/v1/articles?q=" + word + "&locale=ru").then().statusCode(200)
                .body("items.locale", contains("ru"))
                .body("items[0].translations.locale", contains("en"));
        given().get("/api/v1/headlines?q=" + word + "&locale=en").then().statusCode(200)
                .body("items.locale", contains("en"))
                .body("items[0].translationGroup", equalTo(en));
    }

    @Test
    void exportAndImportKeepTheTranslationGroup() {
        String en = Newsroom.published(story("en", null), AT);
        String ru = Newsroom.published(story("ru", en), AT);
        String lines = java.util.Arrays.stream(given().get("/api/v1/manage/export").then().statusCode(200).extract().asString().split("\n"))
                .filter(l -> l.contains("\"id\":\"" + en + "\"") || l.contains("\"id\":\"" + ru + "\""))
                .collect(java.util.stream.Collectors.joining("\n"));
        org.junit.jupiter.api.Assertions.assertEquals(2, lines.split("\"translationGroup\":\"" + en + "\"", -1).length - 1,
                "both lines name the group: " + lines);
        for (String id : java.util.List.of(ru, en)) {
            given().header("If-Match", Newsroom.etag(id)).delete("/api/v1/manage/articles/" + id + "?purge=true").then().statusCode(204);
        }
        given().contentType("application/x-ndjson").body(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/manage/import").then().statusCode(200).body("created", equalTo(2));
        given().get("/api/v1/manage/articles/" + ru).then().body("translationGroup", equalTo(en)).body("locale", equalTo("ru"));
        given().get("/api/v1/articles/" + Newsroom.slugOf(en)).then().body("translations.locale", contains("ru"));
    }

    private static Map<String, Object> story(String locale, String translationOf) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", "ru".equals(locale) ? "Россия уволила замгендиректора" : "Russia fires a deputy director " + unique("t"));
        fields.put("body", "<p>Moscow and Baku.</p>");
        fields.put("locale", locale);
        if (translationOf != null) {
            fields.put("translationOf", translationOf);
        }
        return fields;
    }
}
