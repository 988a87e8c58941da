package dateline.common.http;

import jakarta.ws.rs.core.MediaType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

/**
 * A rendered public response with its validators, as kept by {@link HttpCaching}: what it was made from
 * ({@code dependencies}) and when ({@code readAt}, a {@link ContentVersion} number).
 */
record CachedResponse(long readAt, Set<String> dependencies, byte[] body, MediaType type, String etag, String surrogateKey, String link) {

    static CachedResponse of(long readAt, Set<String> dependencies, byte[] body, MediaType type, String surrogateKey, String link) {
        return new CachedResponse(readAt, dependencies, body, type, strongEtag(body), surrogateKey, link);
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
}
