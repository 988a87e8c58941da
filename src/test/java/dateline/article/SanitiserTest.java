package dateline.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bodies keep the editorial allow-list and lose everything that could run in a reader's browser. */
@QuarkusTest
class SanitiserTest {
    @Test
    void scriptsEventHandlersAndJavascriptLinksNeverComeBack() {
        String dirty = "<p onclick=\"steal()\">Hello <script>alert(1)</script><a href=\"javascript:alert(2)\">x</a>"
                + "<img src=\"x.png\" onerror=\"alert(3)\"><iframe src=\"https://evil.example\"></iframe></p>";
        given().contentType(ContentType.JSON).body(Map.of("title", "Dirty", "body", dirty)).post("/api/v1/manage/articles")
                .then().statusCode(201)
                .body("body", not(containsString("script")))
                .body("body", not(containsString("onerror")))
                .body("body", not(containsString("onclick")))
                .body("body", not(containsString("javascript:")))
                .body("body", not(containsString("iframe")));
    }

    @Test
    void theEditorialAllowListSurvives() {
        String clean = "<h2>Sub</h2><p><strong>Bold</strong> and <em>italic</em> <a href=\"https://example.org\">link</a></p>"
                + "<blockquote>Quote</blockquote><ul><li>One</li></ul><figure><img src=\"https://img.example.org/a.jpg\" alt=\"A\">"
                + "<figcaption>Caption</figcaption></figure>";
        given().contentType(ContentType.JSON).body(Map.of("title", "Clean", "body", clean)).post("/api/v1/manage/articles")
                .then().statusCode(201).body("body", equalTo(clean));
    }
}
