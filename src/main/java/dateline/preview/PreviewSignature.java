package dateline.preview;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The text of a preview token: {@code base64url("<id>|<scope>|<expiry epoch seconds>").base64url(hmac)}.
 * URL-safe, because front-ends in draft mode often can pass it only in a query string. Anything that is not
 * exactly what {@link #sign} wrote reads as no token at all: a wrong guess must learn nothing.
 */
final class PreviewSignature {
    /** Longer than any token this class writes; longer text is not even decoded. */
    private static final int MAX_LENGTH = 200;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    PreviewSignature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** What a token says about itself, once its signature is checked. */
    record Claims(UUID id, String scope, Instant expiresAt) {
    }

    String sign(Claims claims) {
        byte[] payload = (claims.id() + "|" + claims.scope() + "|" + claims.expiresAt().getEpochSecond())
                .getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    Optional<Claims> verify(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(text.substring(0, dot));
            byte[] presented = DECODER.decode(text.substring(dot + 1));
            if (!MessageDigest.isEqual(presented, mac(payload)) || !sign(parse(payload)).equals(text)) {
                return Optional.empty(); // the second test refuses other spellings of the same bytes
            }
            return Optional.of(parse(payload));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Claims parse(byte[] payload) {
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a preview token payload");
        }
        return new Claims(UUID.fromString(parts[0]), parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
