package dateline.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The purge requests as Fastly and Varnish receive them, sent to a local receiver. */
class PurgeRequestsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void fastlyGetsAPostPerTwoHundredAndFiftySixSurrogateKeys() throws Exception {
        List<String> keys = IntStream.range(0, 300).mapToObj(i -> "article-" + i).toList();
        try (PurgeReceiver fastly = new PurgeReceiver(0)) {
            for (HttpRequest request : PurgeRequests.fastly(fastly.url(), "SVC123", "secret-token", keys, false, TIMEOUT)) {
                assertEquals(200, http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
            }
            List<PurgeReceiver.Request> received = fastly.received();
            assertEquals(2, received.size(), "300 keys: 256, then 44");
            List<String> purged = new ArrayList<>();
            for (PurgeReceiver.Request request : received) {
                assertEquals("POST", request.method());
                assertEquals("/service/SVC123/purge", request.path());
                assertEquals("secret-token", request.header("Fastly-Key"));
                assertEquals("application/json", request.header("Accept"));
                assertEquals("application/json", request.header("Content-Type"));
                assertNull(request.header("Fastly-Soft-Purge"));
                JsonNode body = new ObjectMapper().readTree(request.body());
                assertEquals(1, body.size(), "only surrogate_keys: " + body);
                body.get("surrogate_keys").forEach(k -> purged.add(k.asText()));
            }
            assertEquals(256, new ObjectMapper().readTree(received.get(0).body()).get("surrogate_keys").size());
            assertEquals(keys, purged, "every key once, in order");
        }
    }

    @Test
    void aSoftFastlyPurgeSaysSo() throws Exception {
        try (PurgeReceiver fastly = new PurgeReceiver(0)) {
            HttpRequest request = PurgeRequests.fastly(fastly.url() + "/", "SVC", "t", List.of("dateline"), true, TIMEOUT).get(0);
            http.send(request, HttpResponse.BodyHandlers.discarding());
            PurgeReceiver.Request received = fastly.received().get(0);
            assertEquals("/service/SVC/purge", received.path(), "trailing slashes of the API URL are dropped");
            assertEquals("1", received.header("Fastly-Soft-Purge"));
            assertEquals("{\"surrogate_keys\":[\"dateline\"]}", received.body());
        }
    }

    @Test
    void varnishGetsAPurgeWithTheKeysInOneHeaderUnderItsSizeLimit() throws Exception {
        List<String> keys = IntStream.range(0, 200).mapToObj(i -> "article-00000000-0000-0000-0000-" + String.format("%012d", i)).toList();
        try (PurgeReceiver varnish = new PurgeReceiver(0)) {
            List<HttpRequest> requests = PurgeRequests.varnish(URI.create(varnish.url()), keys, false, TIMEOUT);
            for (HttpRequest request : requests) {
                http.send(request, HttpResponse.BodyHandlers.discarding());
            }
            List<String> purged = new ArrayList<>();
            for (PurgeReceiver.Request request : varnish.received()) {
                assertEquals("PURGE", request.method());
                assertEquals("/", request.path());
                String header = request.header("xkey-purge");
                assertTrue(header.length() <= PurgeRequests.VARNISH_MAX_CHARS, "header of " + header.length());
                purged.addAll(List.of(header.split(" ")));
            }
            assertTrue(varnish.received().size() > 1, "200 keys of 45 characters do not fit one header");
            assertEquals(keys, purged);
        }
    }

    @Test
    void aSoftVarnishPurgeUsesTheSoftHeader() throws Exception {
        try (PurgeReceiver varnish = new PurgeReceiver(0)) {
            http.send(PurgeRequests.varnish(URI.create(varnish.url()), List.of("a", "b"), true, TIMEOUT).get(0),
                    HttpResponse.BodyHandlers.discarding());
            PurgeReceiver.Request received = varnish.received().get(0);
            assertEquals("a b", received.header("xkey-softpurge"));
            assertNull(received.header("xkey-purge"));
        }
    }
}
