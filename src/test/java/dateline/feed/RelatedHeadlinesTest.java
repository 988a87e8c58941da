package dateline.feed;

import static dateline.support.Newsroom.article;
import static dateline.support.Newsroom.published;
import static dateline.support.Newsroom.slugOf;
import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dateline.support.Newsroom;
import dateline.support.TestClock;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.util.UUID;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RelatedHeadlinesTest {
    @Inject
    TestClock clock;
    private static final Instant AT = Instant.parse("2024-06-10T12:00:00Z");

    @Test
    void theSeedArticleListsTheSeedHeadlinesInTheSeedOrder() {
        String lead = given().get("/api/v1/articles?q=Gusman&section=world").then().statusCode(200)
                .extract().path("items[0].slug");
        List<String> titles = given().get("/api/v1/articles/" + lead + "/related?limit=10").then().statusCode(200)
                .body("", hasSize(10)).extract().path("title");
        assertEquals("Trump and Putin Prepare to Meet Ahead of Zelensky\u2019s White House Visit: A New Phase of Diplomacy or Pressure on Kyiv?",
                titles.get(0));
        assertEquals("Moscow Admits Guilt for Downing Azerbaijani Plane: Putin and Aliyev Show \u201cMutual Understanding of Authoritarian Allies\u201d",
                titles.get(9));
    }

    @Test
    void curatedComeFirstInTheirOrderThenTheBestScoredFillTheLimit() {
        String section = Newsroom.section(unique("rel"));
        String rare = Newsroom.tag(unique("rare"));
        String other = Newsroom.tag(unique("other"));
        String curatedA = published(article("Curated A", section, List.of()), AT.minusSeconds(7200));
        String curatedB = published(article("Curated B", section, List.of()), AT.minusSeconds(3600));
        published(article("Shares the rare tag", Newsroom.section(unique("elsewhere")), List.of(rare)), AT.minusSeconds(86_400));
        published(article("Same section only", section, List.of(other)), AT.minusSeconds(60));
        String draft = Newsroom.draft(article("Draft sharing everything", section, List.of(rare)));
        Map<String, Object> main = article("Main story", section, List.of(rare));
        main.put("related", List.of(curatedB, draft, curatedA));
        String id = published(main, AT);

        given().get("/api/v1/articles/" + slugOf(id) + "/related?limit=4&explain=true").then().statusCode(200)
                .body("title", contains("Curated B", "Curated A", "Shares the rare tag", "Same section only"))
                .body("[0].score.curated", equalTo(true))
                .body("[2].score.curated", equalTo(false))
                .body("[2].score.tags", greaterThan(0f))
                .body("[3].score.section", equalTo(1.0f))
                .body("title", not(hasItem("Main story")))
                .body("title", not(hasItem("Draft sharing everything")));
    }

    @Test
    void itemsCarryNoScoreUnlessExplained() {
        String section = Newsroom.section(unique("rel"));
        published(article("Neighbour", section, List.of()), AT.minusSeconds(60));
        String id = published(article("Centre", section, List.of()), AT);
        Map<String, Object> item = given().get("/api/v1/articles/" + slugOf(id) + "/related").then().statusCode(200)
                .extract().path("[0]");
        assertEquals(false, item.containsKey("score"));
    }

    @Test
    void limitIsBoundedAndUnknownArticlesAreNotFound() {
        given().get("/api/v1/articles/" + unique("missing") + "/related").then().statusCode(404);
        given().get("/api/v1/articles/x/related?limit=51").then().statusCode(400);
        given().get("/api/v1/articles/x/related?limit=0").then().statusCode(400);
    }

    @Test
    void editorsSetTheCuratedListAndUnknownIdsAreRejected() {
        String section = Newsroom.section(unique("rel"));
        Map<String, Object> main = article("Needs links", section, List.of());
        main.put("related", List.of("00000000-0000-0000-0000-000000000001"));
        given().contentType(ContentType.JSON).body(main).post("/api/v1/manage/articles").then().statusCode(422)
                .body("violations[0].field", equalTo("related[0]"));
    }

    @Test
    void anUnpublishedArticleLeavesTagListsAndRelatedHeadlines() {
        String section = Newsroom.section(unique("rel"));
        String tag = Newsroom.tag(unique("shared"));
        String gone = published(article("Soon withdrawn", section, List.of(tag)), AT.minusSeconds(600));
        String id = published(article("Still here", section, List.of(tag)), AT);
        given().contentType(ContentType.JSON).post("/api/v1/manage/articles/" + gone + "/unpublish").then().statusCode(200);
        given().get("/api/v1/headlines?tag=" + tag).then().statusCode(200).body("title", not(hasItem("Soon withdrawn")))
                .body("items.title", contains("Still here"));
        given().get("/api/v1/articles/" + slugOf(id) + "/related").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void aPublishedArticleThatIsRetaggedMovesBetweenRelatedListsAtOnce() {
        String tag = Newsroom.tag(unique("shared"));
        String other = Newsroom.tag(unique("other"));
        String moving = published(article("Retagged story", Newsroom.section(unique("elsewhere")), List.of(tag)), AT.minusSeconds(600));
        String first = published(article("First subject", Newsroom.section(unique("first")), List.of(tag)), AT);
        String second = published(article("Second subject", Newsroom.section(unique("second")), List.of(other)), AT);
        given().get("/api/v1/articles/" + slugOf(first) + "/related").then().statusCode(200).body("title", contains("Retagged story"));
        given().get("/api/v1/articles/" + slugOf(second) + "/related").then().statusCode(200).body("title", not(hasItem("Retagged story")));

        given().contentType("application/merge-patch+json").header("If-Match", Newsroom.etag(moving)).body(Map.of("tags", List.of(other)))
                .patch("/api/v1/manage/articles/" + moving).then().statusCode(200);

        given().get("/api/v1/articles/" + slugOf(first) + "/related").then().statusCode(200).body("title", not(hasItem("Retagged story")));
        given().get("/api/v1/articles/" + slugOf(second) + "/related").then().statusCode(200).body("title", contains("Retagged story"));
    }

    @Test
    void anArticlesOwnRetagCurationAndNewSlugShowInItsListAtOnce() {
        String tag = Newsroom.tag(unique("first"));
        String other = Newsroom.tag(unique("second"));
        String onFirst = published(article("On the first subject", Newsroom.section(unique("a")), List.of(tag)), AT.minusSeconds(600));
        published(article("On the second subject", Newsroom.section(unique("b")), List.of(other)), AT.minusSeconds(600));
        String subject = published(article("Changing subject", Newsroom.section(unique("c")), List.of(tag)), AT);
        String slug = slugOf(subject);
        given().get("/api/v1/articles/" + slug + "/related").then().statusCode(200).body("title", contains("On the first subject"));

        given().contentType("application/merge-patch+json").header("If-Match", Newsroom.etag(subject)).body(Map.of("tags", List.of(other)))
                .patch("/api/v1/manage/articles/" + subject).then().statusCode(200);
        given().get("/api/v1/articles/" + slug + "/related?limit=9").then().statusCode(200).body("title", contains("On the second subject"));

        given().contentType("application/merge-patch+json").header("If-Match", Newsroom.etag(subject)).body(Map.of("related", List.of(onFirst)))
                .patch("/api/v1/manage/articles/" + subject).then().statusCode(200);
        given().get("/api/v1/articles/" + slug + "/related?limit=8").then().statusCode(200)
                .body("title", contains("On the first subject", "On the second subject"));

        String renamed = unique("changed-subject");
        given().contentType("application/merge-patch+json").header("If-Match", Newsroom.etag(subject)).body(Map.of("slug", renamed))
                .patch("/api/v1/manage/articles/" + subject).then().statusCode(200);
        given().get("/api/v1/articles/" + renamed + "/related?limit=7").then().statusCode(200)
                .body("title", contains("On the first subject", "On the second subject"));
        given().redirects().follow(false).get("/api/v1/articles/" + slug + "/related?limit=7").then().statusCode(301);

        given().contentType(ContentType.JSON).post("/api/v1/manage/articles/" + subject + "/archive").then().statusCode(200);
        given().get("/api/v1/articles/" + renamed + "/related?limit=6").then().statusCode(410);
    }

    @Test
    void aListedArticlesNewTitleExcerptAndSectionNameShowInTheListsItIsInAtOnce() {
        String section = Newsroom.section(unique("rel"));
        String tag = Newsroom.tag(unique("shared"));
        String listed = published(article("Before the edit", section, List.of(tag)), AT.minusSeconds(600));
        String subject = slugOf(published(article("Subject", section, List.of(tag)), AT));
        given().get("/api/v1/articles/" + subject + "/related").then().statusCode(200).body("title", contains("Before the edit"))
                .body("section.name", contains(section.toUpperCase()));

        given().contentType("application/merge-patch+json").header("If-Match", Newsroom.etag(listed))
                .body(Map.of("title", "After the edit", "excerpt", "What the edit says."))
                .patch("/api/v1/manage/articles/" + listed).then().statusCode(200);
        given().get("/api/v1/articles/" + subject + "/related").then().statusCode(200).body("title", contains("After the edit"))
                .body("excerpt", contains("What the edit says."));

        String sectionId = given().get("/api/v1/sections/" + section).then().extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("slug", section, "name", "Renamed desk"))
                .put("/api/v1/manage/sections/" + sectionId).then().statusCode(200);
        given().get("/api/v1/articles/" + subject + "/related").then().statusCode(200).body("section.name", contains("Renamed desk"));
    }

    @Test
    void aDeletedTagsArticlesMoveWithTheReassignment() {
        String section = Newsroom.section(unique("rel"));
        String doomed = Newsroom.tag(unique("doomed"));
        String kept = Newsroom.tag(unique("kept"));
        published(article("Reassigned story", Newsroom.section(unique("elsewhere")), List.of(doomed)), AT.minusSeconds(600));
        String subject = published(article("Subject", section, List.of(kept)), AT);
        given().get("/api/v1/articles/" + slugOf(subject) + "/related").then().statusCode(200).body("title", not(hasItem("Reassigned story")));

        String doomedId = given().get("/api/v1/tags/" + doomed).then().statusCode(200).extract().path("id");
        given().queryParam("reassignTo", kept).delete("/api/v1/manage/tags/" + doomedId).then().statusCode(204);

        given().get("/api/v1/articles/" + slugOf(subject) + "/related").then().statusCode(200).body("title", contains("Reassigned story"));
    }

    @Test
    void aChangeWrittenThroughAnotherInstanceIsSeenWithinMaxAge() {
        String tag = Newsroom.tag(unique("shared"));
        String other = Newsroom.tag(unique("other"));
        String moving = published(article("Moved elsewhere", Newsroom.section(unique("elsewhere")), List.of(other)), AT.minusSeconds(600));
        String subject = published(article("Subject", Newsroom.section(unique("subject")), List.of(tag)), AT);
        given().get("/api/v1/articles/" + slugOf(subject) + "/related").then().statusCode(200).body("", hasSize(0));

        // What another instance's retag leaves in the database; this instance hears nothing of it.
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                        "update article_tag set tag_id = (select id from tag where slug = ?1) where article_id = ?2")
                .setParameter(1, tag).setParameter(2, UUID.fromString(moving)).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                        "update article set updated_at = ?1 where id = ?2")
                .setParameter(1, Instant.now()).setParameter(2, UUID.fromString(moving)).executeUpdate());

        // Past max-age (60 s); asked with another limit, so that no response cached before answers.
        given().get("/api/v1/articles/" + slugOf(subject) + "/related?limit=9").then().statusCode(200).body("", hasSize(0));
        clock.stopAt(Instant.now().plusSeconds(61));
        try {
            given().get("/api/v1/articles/" + slugOf(subject) + "/related?limit=8").then().statusCode(200).body("title", contains("Moved elsewhere"));
        } finally {
            clock.release();
        }
    }
}
