package dateline.common.http;

import static dateline.support.Newsroom.article;
import static dateline.support.Newsroom.published;
import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dateline.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HttpCachingTest {
    private static final Instant AT = Instant.parse("2024-07-01T09:00:00Z");

    @Test
    void publicReadsCarryValidatorsAndCacheHeaders() {
        String section = Newsroom.section(unique("cache"));
        String id = published(article("Cacheable", section, List.of()), AT);
        given().get("/api/v1/headlines?section=" + section).then().statusCode(200)
                .header("ETag", matchesPattern("\"[A-Za-z0-9_-]+\""))
                .header("Last-Modified", notNullValue())
                .header("Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=30"))
                .header("Vary", equalTo("Accept, Accept-Encoding"))
                .header("Surrogate-Key", containsString("article-" + id))
                .header("Surrogate-Key", containsString("section-" + section));
    }

    @Test
    void aMatchingIfNoneMatchIsNotModified() {
        String section = Newsroom.section(unique("cache"));
        published(article("Validated", section, List.of()), AT);
        String url = "/api/v1/articles?section=" + section;
        String etag = given().get(url).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get(url).then().statusCode(304).body(emptyString())
                .header("ETag", equalTo(etag));
        given().header("If-None-Match", "\"something-else\"").get(url).then().statusCode(200);
    }

    @Test
    void ifModifiedSinceAfterTheLastChangeIsNotModified() {
        String section = Newsroom.section(unique("cache"));
        published(article("Dated", section, List.of()), AT);
        String url = "/api/v1/sections/" + section;
        String lastModified = given().get(url).then().statusCode(200).extract().header("Last-Modified");
        given().header("If-Modified-Since", lastModified).get(url).then().statusCode(304);
        String longAgo = DateTimeFormatter.RFC_1123_DATE_TIME.format(AT.atOffset(ZoneOffset.UTC));
        given().header("If-Modified-Since", longAgo).get(url).then().statusCode(200);
    }

    @Test
    void aWriteIsVisibleOnTheVeryNextRead() {
        String section = Newsroom.section(unique("cache"));
        String url = "/api/v1/headlines?section=" + section;
        published(article("First", section, List.of()), AT);
        ExtractableResponse<Response> before = given().get(url).then().body("items", hasSize(1)).extract();
        given().get(url).then().body("items", hasSize(1)); // now served from the response cache
        String second = published(article("Second", section, List.of()), AT.plusSeconds(60));
        given().get(url).then().body("items", hasSize(2)).header("ETag", not(equalTo(before.header("ETag"))));
        given().header("If-None-Match", before.header("ETag")).get(url).then().statusCode(200);

        given().contentType(ContentType.JSON).post("/api/v1/manage/articles/" + second + "/unpublish").then().statusCode(200);
        given().get(url).then().body("items.title", equalTo(List.of("First")));
    }

    @Test
    void responsesAreGzippedWhenAsked() {
        given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").get("/api/v1/articles?limit=5")
                .then().statusCode(200).header("Content-Encoding", "gzip");
    }

    @Test
    void managementResponsesAreNeverStored() {
        given().get("/api/v1/manage/articles?limit=1").then().statusCode(200).header("Cache-Control", "no-store");
        String id = Newsroom.draft(Map.of("title", "Editor's view"));
        given().get("/api/v1/manage/articles/" + id).then().statusCode(200).header("Cache-Control", "no-store");
    }
}
