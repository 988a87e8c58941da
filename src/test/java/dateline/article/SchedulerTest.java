package dateline.article;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dateline.support.Newsroom;
import dateline.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SchedulerTest {
    @Inject
    TestClock clock;
    @Inject
    ArticleChores chores;
    @Inject
    Announcements announcements;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void twoSchedulersSharingTheDatabasePublishEachDueArticleExactlyOnce() throws Exception {
        Instant at = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 2 * ArticleChores.BATCH + 30; i++) {
            String id = Newsroom.draft(Map.of("title", unique("due")));
            given().contentType(ContentType.JSON).body(Map.of("publishAt", at.toString()))
                    .post("/api/v1/manage/articles/" + id + "/publish").then().statusCode(200);
            due.add(id);
        }
        clock.stopAt(at);
        announcements.clear();
        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(instances.submit(() -> {
                    start.await();
                    int claimed = 0;
                    for (int n; (n = chores.publishDue()) > 0; ) {
                        claimed += n;
                    }
                    return claimed;
                }));
            }
            start.countDown();
            assertEquals(due.size(), runs.get(0).get() + runs.get(1).get(), "claims add up to the due articles");
        } finally {
            instances.shutdownNow();
        }
        assertEquals(due.size(), announcements.published().size(), "announcements");
        Map<UUID, Integer> times = new HashMap<>();
        announcements.published().forEach(id -> times.merge(id, 1, Integer::sum));
        for (String id : due) {
            assertEquals(1, times.getOrDefault(UUID.fromString(id), 0), "article.published announced once for " + id);
            given().get("/api/v1/manage/articles/" + id).then().body("status", org.hamcrest.Matchers.equalTo("PUBLISHED"));
        }
    }

    /** Collects committed publish events, as a webhook dispatcher would see them. */
    @ApplicationScoped
    static class Announcements {
        private final ConcurrentLinkedQueue<UUID> published = new ConcurrentLinkedQueue<>();

        // Methods, not field access: the injected reference is a client proxy.
        List<UUID> published() {
            return List.copyOf(published);
        }

        void clear() {
            published.clear();
        }

        void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleEvent event) {
            if (event.type() == ArticleEvent.Type.PUBLISHED) {
                published.add(event.articleId());
            }
        }
    }
}
