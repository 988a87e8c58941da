package dateline.common.http;

import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered public response with its validators, as kept by {@link HttpCaching}: what it was made from
 * ({@code dependencies}) and when ({@code readAt}, a {@link ContentVersion} number). Holds its gzip
 * encoding too once a client has asked for it ({@code gzipped}, null until then), so hits are compressed
 * once, not on every request.
 */
record CachedResponse(long readAt, Set<String> dependencies, byte[] body, byte[] gzipped, MediaType type, String etag,
                      String surrogateKey, String link) {
    /** Appended inside the quotes of the ETag of the gzip encoding: a different representation, a different strong tag. */
    private static final String GZIP_SUFFIX = "-gzip";

    static CachedResponse of(long readAt, Set<String> dependencies, byte[] body, MediaType type, String surrogateKey, String link) {
        return new CachedResponse(readAt, dependencies, body, null, type, strongEtag(body), surrogateKey, link);
    }

    /** This response with its gzip encoding made, if it had none yet. */
    CachedResponse withGzip() {
        return gzipped != null ? this : new CachedResponse(readAt, dependencies, body, gzip(body), type, etag, surrogateKey, link);
    }

    /** The bytes to send, in gzip or as they are. */
    byte[] bytes(boolean gzip) {
        return gzip ? gzipped : body;
    }

    /** The ETag of the encoding sent (RFC 9110 8.8.3: strong tags differ between content codings). */
    String etag(boolean gzip) {
        return gzip ? etag.substring(0, etag.length() - 1) + GZIP_SUFFIX + "\"" : etag;
    }

    /** Whether an entity tag a client holds names this response, in either encoding (weak comparison). */
    boolean isNamedBy(String tag) {
        String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
        return opaque.equals(etag) || opaque.equals(etag(true));
    }

    int weight() {
        return body.length + (gzipped == null ? 0 : gzipped.length);
    }

    /** A strong validator: a digest of the exact bytes, so it changes exactly when the representation does. */
    static String strongEtag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 3));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return out.toByteArray();
    }
}
