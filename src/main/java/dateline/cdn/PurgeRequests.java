package dateline.cdn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Purge requests as each cache expects them, split so that none is refused for its size: Varnish (the
 * xkey vmod, through the VCL in deploy/varnish) reads the keys from one request header, which Varnish
 * bounds (http_req_hdr_len, 8 KB by default); Fastly takes at most 256 keys per request.
 */
final class PurgeRequests {
    static final int FASTLY_MAX_KEYS = 256;
    /** Characters of keys in one xkey-purge header, well under Varnish's default 8 KB for a header. */
    static final int VARNISH_MAX_CHARS = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PurgeRequests() {
    }

    /** {@code PURGE} to the Varnish at {@code url}, the keys in {@code xkey-purge} (or {@code xkey-softpurge}). */
    static List<HttpRequest> varnish(URI url, List<String> keys, boolean soft, Duration timeout) {
        List<HttpRequest> requests = new ArrayList<>();
        for (List<String> chunk : chunks(keys, Integer.MAX_VALUE, VARNISH_MAX_CHARS)) {
            requests.add(HttpRequest.newBuilder(url).timeout(timeout)
                    .header(soft ? "xkey-softpurge" : "xkey-purge", String.join(" ", chunk))
                    .header("User-Agent", "Dateline-Purge/1")
                    .method("PURGE", HttpRequest.BodyPublishers.noBody()).build());
        }
        return requests;
    }

    /** Fastly's "purge by surrogate keys": {@code POST {api}/service/{id}/purge}, the keys in a JSON body. */
    static List<HttpRequest> fastly(String apiUrl, String serviceId, String token, List<String> keys, boolean soft, Duration timeout) {
        URI url = URI.create(apiUrl.replaceAll("/+$", "") + "/service/" + serviceId + "/purge");
        List<HttpRequest> requests = new ArrayList<>();
        for (List<String> chunk : chunks(keys, FASTLY_MAX_KEYS, Integer.MAX_VALUE)) {
            ObjectNode body = JSON.createObjectNode();
            chunk.forEach(body.putArray("surrogate_keys")::add);
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Fastly-Key", token)
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Dateline-Purge/1");
            if (soft) {
                request.header("Fastly-Soft-Purge", "1");
            }
            requests.add(request.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        }
        return requests;
    }

    /** The keys in order, cut into runs of at most {@code maxKeys} keys and {@code maxChars} characters (spaces included). */
    static List<List<String>> chunks(List<String> keys, int maxKeys, int maxChars) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        int chars = 0;
        for (String key : keys) {
            if (!chunk.isEmpty() && (chunk.size() == maxKeys || chars + 1 + key.length() > maxChars)) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                chars = 0;
            }
            chars += (chunk.isEmpty() ? 0 : 1) + key.length();
            chunk.add(key);
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }
}
