package dateline.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The text of a bearer token, {@code dl_<token id>_<secret>}: the id finds the stored row, the secret
 * (256 random bits) proves possession and is kept only as SHA-256(salt + secret).
 */
record TokenSecret(UUID id, String secret) {
    private static final String PREFIX = "dl_";
    private static final SecureRandom RANDOM = new SecureRandom();

    static TokenSecret generate(UUID id) {
        return new TokenSecret(id, randomText(32));
    }

    static String newSalt() {
        return randomText(16);
    }

    /** The token as the client sends it; Base64url may contain '_', so parsing splits at the first two only. */
    String text() {
        return PREFIX + id + "_" + secret;
    }

    static Optional<TokenSecret> parse(String token) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = token.substring(PREFIX.length()).split("_", 2);
        if (parts.length != 2 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TokenSecret(UUID.fromString(parts[0]), parts[1]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String hashWith(String salt) {
        return sha256Hex(salt + secret);
    }

    /** Compares hex digests in constant time, so response timing tells nothing about a near miss. */
    static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static String randomText(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    @Override
    public String toString() {
        return "TokenSecret[" + id + "]"; // never the secret, should a token end up in a log line
    }
}
