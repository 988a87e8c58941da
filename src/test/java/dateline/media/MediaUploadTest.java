package dateline.media;

import static dateline.support.Newsroom.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dateline.support.Pictures;
import dateline.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Uploading to the media library: the type comes from the bytes, and hostile files store nothing. */
@QuarkusTest
class MediaUploadTest {

    @Test
    void anUploadedJpegIsStoredWithItsMetadataAndSizeJudgedFromItsBytes() {
        String caption = unique("Caption");
        var created = given().contentType("application/octet-stream").queryParam("caption", caption)
                .queryParam("credit", "Photo: Jane Doe / Agency").queryParam("alt", "A harbour at dawn")
                .queryParam("copyrightHolder", "Agency Ltd").queryParam("source", "Wire").queryParam("focus", "0.25,0.75")
                .body(Pictures.jpeg(1000, 750)).post("/api/v1/manage/media")
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("contentType", equalTo("image/jpeg")).body("width", equalTo(1000)).body("height", equalTo(750))
                .body("focus.x", equalTo(0.25f)).body("focus.y", equalTo(0.75f))
                .body("caption", equalTo(caption)).body("credit", equalTo("Photo: Jane Doe / Agency"))
                .body("copyrightHolder", equalTo("Agency Ltd")).body("source", equalTo("Wire")).body("createdBy", notNullValue())
                .body("image.url", endsWith("/640.jpg"))
                .body("image.renditions.width", equalTo(java.util.List.of(320, 640, 960, 320, 640, 960)))
                .extract();
        String id = created.path("id");
        assertEquals("/api/v1/manage/media/" + id, java.net.URI.create(created.header("Location")).getPath());
        given().get("/api/v1/manage/media/" + id).then().statusCode(200).body("alt", equalTo("A harbour at dawn"));
        given().get("/api/v1/manage/media?limit=100").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void theSameBytesUploadedTwiceAreStoredOnceAsTwoItems() {
        byte[] jpeg = Pictures.jpeg(400, 300);
        String first = Pictures.uploaded(jpeg, "First use");
        long files = Pictures.storedFiles();
        String second = Pictures.uploaded(jpeg, "Second use, other caption");
        assertEquals(files, Pictures.storedFiles(), "no second copy of the original");
        given().get("/api/v1/manage/media/" + first).then().body("caption", equalTo("First use"));
        given().get("/api/v1/manage/media/" + second).then().body("caption", equalTo("Second use, other caption"));
    }

    @Test
    void aPngSentAsJpegIsStoredAsTheePngItIs() {
        Pictures.upload(Pictures.png(200, 100), "image/jpeg", "Labelled wrongly").then().statusCode(201)
                .body("contentType", equalTo("image/png")).body("width", equalTo(200));
    }

    @Test
    void theExifOrientationIsAppliedToTheSizeShown() {
        Pictures.upload(Pictures.jpegWithExifOrientation(400, 300, 6), "image/jpeg", "Shot upright").then().statusCode(201)
                .body("width", equalTo(300)).body("height", equalTo(400));
    }

    @Test
    void metadataIsReplacedByAnEditorAndAnAuthorMayUploadButNotDescribe() {
        String author = Tokens.issue(unique("stringer"), "AUTHOR");
        String id = Tokens.as(author).contentType("image/jpeg").body(Pictures.jpeg(320, 240)).post("/api/v1/manage/media")
                .then().statusCode(201).extract().path("id");
        Tokens.as(author).contentType(ContentType.JSON).body(Map.of("caption", "Mine")).put("/api/v1/manage/media/" + id)
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("caption", "  Edited  ", "credit", "Photo: Desk"))
                .put("/api/v1/manage/media/" + id).then().statusCode(200)
                .body("caption", equalTo("Edited")).body("credit", equalTo("Photo: Desk")).body("alt", equalTo(null));
        given().contentType(ContentType.JSON).body(Map.of("caption", "x".repeat(2001))).put("/api/v1/manage/media/" + id)
                .then().statusCode(422).body("violations[0].field", equalTo("caption"));
    }

    @Test
    void anUnknownItemIsNotFoundAndABadFocusIsABadRequest() {
        given().get("/api/v1/manage/media/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        refused(Pictures.jpeg(100, 100), "image/jpeg", "focus", "1.5,0.5", 400, "urn:dateline:problem:invalid-parameter");
    }

    @Test
    void textIsNotAnImage() {
        refused("Just some words".getBytes(StandardCharsets.UTF_8), "image/jpeg", null, null, 415,
                "urn:dateline:problem:unsupported-image");
    }

    @Test
    void anSvgWithScriptIsRefusedWhateverItsContentTypeSays() {
        byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        refused(svg, "image/png", null, null, 415, "urn:dateline:problem:unsupported-image");
        refused(svg, "image/svg+xml", null, null, 415, "urn:dateline:problem:unsupported-image");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderBeforeDecoding() {
        byte[] bomb = Pictures.pngClaiming(15_000, 15_000); // 225 megapixels in 60 bytes
        long before = Pictures.storedFiles();
        String newest = newest();
        given().contentType("image/png").body(bomb).post("/api/v1/manage/media").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("urn:dateline:problem:image-too-large"))
                .body("width", equalTo(15_000)).body("height", equalTo(15_000));
        assertEquals(before, Pictures.storedFiles());
        assertEquals(newest, newest());
    }

    @Test
    void hugeDimensionsAreRefusedEvenWithFewPixels() {
        refused(Pictures.pngClaiming(30_000, 2), "image/png", null, null, 422, "urn:dateline:problem:image-too-large");
    }

    @Test
    void aTruncatedJpegIsRefused() {
        byte[] jpeg = Pictures.jpeg(600, 400);
        refused(Arrays.copyOf(jpeg, jpeg.length / 2), "image/jpeg", null, null, 422, "urn:dateline:problem:invalid-image");
    }

    @Test
    void polyglotsAreRefused() {
        byte[] jpeg = Pictures.jpeg(300, 200);
        ByteArrayOutputStream withZip = new ByteArrayOutputStream();
        withZip.writeBytes(jpeg);
        withZip.writeBytes(new byte[]{'P', 'K', 3, 4, 20, 0, 0, 0});
        refused(withZip.toByteArray(), "image/jpeg", null, null, 422, "urn:dateline:problem:invalid-image");
        // Script hidden inside (here in a JPEG comment segment), where the file still ends as a JPEG should.
        ByteArrayOutputStream withScript = new ByteArrayOutputStream();
        byte[] comment = "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.US_ASCII);
        withScript.writeBytes(new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xfe, 0, (byte) (comment.length + 2)});
        withScript.writeBytes(comment);
        withScript.write(jpeg, 2, jpeg.length - 2);
        refused(withScript.toByteArray(), "image/jpeg", null, null, 422, "urn:dateline:problem:invalid-image");
    }

    @Test
    void avifIsNotAccepted() {
        byte[] avif = new byte[64];
        System.arraycopy(new byte[]{0, 0, 0, 28, 'f', 't', 'y', 'p', 'a', 'v', 'i', 'f'}, 0, avif, 0, 12);
        refused(avif, "image/avif", null, null, 415, "urn:dateline:problem:unsupported-image");
    }

    @Test
    void aBodyOverTheConfiguredSizeIsRefusedBeforeItIsRead() {
        byte[] tooLarge = new byte[20 * 1024 * 1024 + 1];
        tooLarge[0] = (byte) 0xff;
        refused(tooLarge, "image/jpeg", null, null, 413, "about:blank");
    }

    @Test
    void aViewerCannotUpload() {
        Tokens.as(Tokens.issue(unique("reader"), "VIEWER")).contentType("image/jpeg").body(Pictures.jpeg(10, 10))
                .post("/api/v1/manage/media").then().statusCode(403).contentType("application/problem+json");
    }

    /** The upload is refused with this status and problem type, and leaves no row and no file behind. */
    private static void refused(byte[] bytes, String contentType, String param, String value, int status, String type) {
        long files = Pictures.storedFiles();
        String newest = newest();
        var request = given().contentType(contentType).body(bytes);
        if (param != null) {
            request.queryParam(param, value);
        }
        request.post("/api/v1/manage/media").then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo(type));
        assertEquals(files, Pictures.storedFiles(), "no file stored");
        assertEquals(newest, newest(), "no item stored");
    }

    private static String newest() {
        return given().get("/api/v1/manage/media?limit=1").then().statusCode(200).extract().path("items[0].id");
    }
}
