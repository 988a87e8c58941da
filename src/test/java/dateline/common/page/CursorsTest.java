package dateline.common.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dateline.common.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cursors are opaque to clients, but exactly one string is valid for each position of each list. */
class CursorsTest {
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final Cursors cursors = new Cursors("test-secret");

    @Test
    void aCursorGivesBackThePositionItWasMadeFor() {
        String cursor = cursors.encode("headlines", List.of("2025-10-17T15:00:00Z", "3f1c9a7e-2b4d-4f7a-9c1e-8d2b6a5f4e31"));
        assertEquals(List.of("2025-10-17T15:00:00Z", "3f1c9a7e-2b4d-4f7a-9c1e-8d2b6a5f4e31"), cursors.decode("headlines", cursor, 2));
    }

    @Test
    void anEmptyPositionValueSurvivesTheRoundTrip() {
        String cursor = cursors.encode("articles", List.of("", "x"));
        assertEquals(List.of("", "x"), cursors.decode("articles", cursor, 2));
    }

    @Test
    void aCursorOfAnotherListOrShapeIsRefused() {
        String cursor = cursors.encode("headlines", List.of("a", "b"));
        assertRejected(() -> cursors.decode("articles", cursor, 2));
        assertRejected(() -> cursors.decode("headlines", cursor, 3));
    }

    @Test
    void aCursorSignedWithAnotherSecretIsRefused() {
        String cursor = new Cursors("another-secret").encode("headlines", List.of("a", "b"));
        assertRejected(() -> cursors.decode("headlines", cursor, 2));
    }

    @Test
    void everyOtherSpellingOfTheSignaturesLastCharacterIsRefused() {
        String cursor = cursors.encode("headlines", List.of("2025-10-17T15:00:00Z", "3f1c9a7e"));
        String stem = cursor.substring(0, cursor.length() - 1);
        for (char c : BASE64URL.toCharArray()) {
            String altered = stem + c;
            if (!altered.equals(cursor)) {
                assertRejected(() -> cursors.decode("headlines", altered, 2));
            }
        }
        assertEquals(List.of("2025-10-17T15:00:00Z", "3f1c9a7e"), cursors.decode("headlines", cursor, 2));
    }

    @Test
    void everyOtherSpellingOfThePayloadsLastCharacterIsRefused() {
        String cursor = cursors.encode("headlines", List.of("2025-10-17T15:00:00Z", "b"));
        int dot = cursor.indexOf('.');
        for (char c : BASE64URL.toCharArray()) {
            String altered = cursor.substring(0, dot - 1) + c + cursor.substring(dot);
            if (!altered.equals(cursor)) {
                assertRejected(() -> cursors.decode("headlines", altered, 2));
            }
        }
    }

    @Test
    void paddingWhitespaceAndGarbageAreRefused() {
        String cursor = cursors.encode("headlines", List.of("a", "b"));
        int dot = cursor.indexOf('.');
        for (String bad : List.of(cursor + "=", cursor.substring(0, dot) + "=" + cursor.substring(dot), " " + cursor, cursor + " ",
                "garbage", ".", "a.", "." + cursor, cursor.replace('.', ':'), "x".repeat(2000) + "." + "y")) {
            assertRejected(() -> cursors.decode("headlines", bad, 2));
        }
    }

    @Test
    void positionValuesOfTheWrongKindRejectTheCursor() {
        assertRejected(() -> cursors.instant("yesterday"));
        assertRejected(() -> cursors.uuid("not-a-uuid"));
        assertRejected(() -> cursors.number("NaN-ish"));
        assertNotEquals(0.0, cursors.number("0.5"));
    }

    private static void assertRejected(Runnable decode) {
        ProblemException e = assertThrows(ProblemException.class, decode::run);
        assertEquals(400, e.type().status());
    }
}
