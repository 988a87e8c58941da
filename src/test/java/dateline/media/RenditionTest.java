package dateline.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.support.Pictures;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Renditions: a fixed menu of widths, ratios and formats, made once, cached for a year, free of metadata. */
@QuarkusTest
class RenditionTest {

    @Test
    void aJpegRenditionIsResizedImmutableAndNamedForTheCdn() {
        String id = Pictures.uploaded(Pictures.jpeg(1600, 1200), "Resized");
        var response = given().get("/api/v1/media/" + id + "/320.jpg").then().statusCode(200).contentType("image/jpeg")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("ETag", matchesPattern("\"[0-9a-f]{64}\""))
                .header("Surrogate-Key", equalTo("dateline media-" + id)).extract();
        BufferedImage image = Pictures.decode(response.asByteArray());
        assertEquals(320, image.getWidth());
        assertEquals(240, image.getHeight());
        given().header("If-None-Match", response.header("ETag")).get("/api/v1/media/" + id + "/320.jpg").then().statusCode(304);
        assertTrue(Files.isRegularFile(Pictures.MEDIA_DIR.resolve("renditions").resolve(id).resolve("320.jpg")), "kept");
        given().get("/api/v1/media/" + id + "/320.jpg").then().header("ETag", response.header("ETag"));
    }

    @Test
    void aWebpRenditionIsWebp() {
        String id = Pictures.uploaded(Pictures.png(1000, 500), "As WebP");
        byte[] webp = given().get("/api/v1/media/" + id + "/640.webp").then().statusCode(200).contentType("image/webp")
                .extract().asByteArray();
        assertEquals("RIFF", new String(webp, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("WEBP", new String(webp, 8, 4, StandardCharsets.US_ASCII));
        BufferedImage image = Pictures.decode(webp); // TwelveMonkeys reads WebP
        assertEquals(640, image.getWidth());
        assertEquals(320, image.getHeight());
    }

    @Test
    void aRatioCropsAroundTheFocalPoint() {
        // The red square sits at 10-20 % of width and height; a focus there keeps it in a square crop.
        String id = given().contentType("image/jpeg").queryParam("focus", "0.15,0.15").body(Pictures.jpeg(1600, 900))
                .post("/api/v1/manage/media").then().statusCode(201).extract().path("id");
        BufferedImage square = Pictures.decode(given().get("/api/v1/media/" + id + "/640.jpg?ratio=1:1").then().statusCode(200)
                .extract().asByteArray());
        assertEquals(640, square.getWidth());
        assertEquals(640, square.getHeight());
        // The square crop is the left 900×900 pixels; the red square (160-320, 90-180) is at 114-228, 64-128 in it.
        assertTrue(isRed(square.getRGB(170, 96)), "the focal point's red square is in view");
        String centred = Pictures.uploaded(Pictures.jpeg(1600, 900), "Centred");
        BufferedImage middle = Pictures.decode(given().get("/api/v1/media/" + centred + "/640.jpg?ratio=1:1").then().statusCode(200)
                .extract().asByteArray());
        assertFalse(isRed(middle.getRGB(170, 96)), "without a focal point the crop is the middle, without the square");
        BufferedImage wide = Pictures.decode(given().get("/api/v1/media/" + id + "/960.webp?ratio=16:9").then().statusCode(200)
                .extract().asByteArray());
        assertEquals(540, wide.getHeight());
    }

    private static boolean isRed(int rgb) {
        return ((rgb >> 16) & 0xff) > 200 && ((rgb >> 8) & 0xff) < 80 && (rgb & 0xff) < 80;
    }

    @Test
    void renditionsAreNeverEnlarged() {
        String id = Pictures.uploaded(Pictures.jpeg(500, 250), "Small");
        BufferedImage image = Pictures.decode(given().get("/api/v1/media/" + id + "/1920.jpg").then().statusCode(200)
                .extract().asByteArray());
        assertEquals(500, image.getWidth());
    }

    @Test
    void theOriginalsMetadataStaysBehindAndItsOrientationIsApplied() {
        byte[] original = Pictures.jpegWithExifOrientation(640, 320, 6);
        assertTrue(new String(original, StandardCharsets.ISO_8859_1).contains("GPS 55.7558N"));
        String id = Pictures.uploaded(original, "Turned");
        byte[] rendition = given().get("/api/v1/media/" + id + "/320.jpg").then().statusCode(200).extract().asByteArray();
        String text = new String(rendition, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("Exif") || text.contains("GPS 55.7558N"), "no EXIF in what is served");
        BufferedImage image = Pictures.decode(rendition);
        assertEquals(320, image.getWidth());
        assertEquals(640, image.getHeight(), "upright: portrait");
    }

    @Test
    void anythingOffTheMenuIsABadRequest() {
        String id = Pictures.uploaded(Pictures.jpeg(800, 600), "Menu");
        given().get("/api/v1/media/" + id + "/321.jpg").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:dateline:problem:invalid-parameter")).body("violations[0].field", equalTo("width"));
        given().get("/api/v1/media/" + id + "/320.gif").then().statusCode(400).body("violations[0].field", equalTo("format"));
        given().get("/api/v1/media/" + id + "/320.jpg?ratio=7:5").then().statusCode(400).body("violations[0].field", equalTo("ratio"));
        given().get("/api/v1/media/" + java.util.UUID.randomUUID() + "/320.jpg").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
