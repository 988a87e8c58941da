package dateline.common.page;

import dateline.common.problem.ProblemException;
import dateline.common.problem.ProblemType;
import dateline.common.secret.SharedSecrets;
import dateline.config.DatelineConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encodes keyset positions as opaque, tamper-evident cursors: {@code base64url(payload).base64url(hmac)}.
 * The payload names the list it belongs to, so a cursor of one list (or one sort order) is refused by
 * another instead of silently paging from a wrong position. The key is the configured secret, or else one
 * kept in the database, so that a cursor one instance made pages on every other.
 */
@ApplicationScoped
@Startup // reads or makes the shared key at start, not in the first request that pages
public class Cursors {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final char SEPARATOR = '\u001f';
    private static final int MAX_LENGTH = 1024;

    private final SecretKeySpec key;

    @Inject
    Cursors(DatelineConfig config, SharedSecrets secrets) {
        this(config.cursor().secret().orElseGet(() -> secrets.named("cursor")));
    }

    Cursors(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String encode(String list, List<String> position) {
        String payload = list + SEPARATOR + String.join(String.valueOf(SEPARATOR), position);
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /** Returns the position stored in a cursor of {@code list}, or throws a 400 problem. */
    public List<String> decode(String list, String cursor, int parts) {
        int dot = cursor.indexOf('.');
        if (cursor.length() > MAX_LENGTH || dot <= 0) {
            throw rejected();
        }
        try {
            byte[] payload = canonical(cursor.substring(0, dot));
            byte[] signature = canonical(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(payload), signature)) {
                throw rejected();
            }
            List<String> values = Arrays.asList(new String(payload, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1));
            if (values.size() != parts + 1 || !values.get(0).equals(list)) {
                throw rejected();
            }
            return values.subList(1, values.size());
        } catch (IllegalArgumentException e) {
            throw rejected();
        }
    }

    /**
     * Base64url without padding, decoded strictly: Java's decoder ignores the unused low bits of a last
     * character, so four spellings would decode to the same bytes. Only the one this class writes is valid.
     */
    private static byte[] canonical(String text) {
        byte[] bytes = DECODER.decode(text);
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("not the canonical encoding");
        }
        return bytes;
    }

    /** A position value read back from a decoded cursor; a value of the wrong kind rejects the cursor. */
    public java.time.Instant instant(String value) {
        try {
            return java.time.Instant.parse(value);
        } catch (RuntimeException e) {
            throw rejected();
        }
    }

    public java.util.UUID uuid(String value) {
        try {
            return java.util.UUID.fromString(value);
        } catch (RuntimeException e) {
            throw rejected();
        }
    }

    public double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (RuntimeException e) {
            throw rejected();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** The 400 problem for a cursor that cannot be used. */
    public ProblemException rejected() {
        return new ProblemException(ProblemType.INVALID_CURSOR,
                "The cursor is malformed, was altered, or belongs to another list or sort order; start again from the first page.");
    }
}
