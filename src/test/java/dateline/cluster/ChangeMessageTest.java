package dateline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dateline.common.http.DeliveryChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A change fits PostgreSQL's notifications however many keys it has, and never arrives as less than it was. */
class ChangeMessageTest {
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void aSmallChangeTravelsAsOneMessage() throws Exception {
        DeliveryChanged change = new DeliveryChanged(false, Set.of("article:1", "lists", "word:baku"),
                Set.of(Instant.parse("2026-11-28T12:00:00Z")));
        ChangeMessage.Encoded encoded = ChangeMessage.encode("origin-a", change, json);
        assertEquals(1, encoded.payloads().size());
        ChangeMessage back = ChangeMessage.decode(encoded.payloads().get(0), json);
        assertEquals("origin-a", back.origin());
        assertEquals(change, back.change());
    }

    @Test
    void aLongArticlesWordsAreSplitAcrossMessagesThatTogetherCarryEveryKey() throws Exception {
        // Cyrillic words: two bytes a letter, so the limit is on bytes, not characters.
        Set<String> keys = IntStream.range(0, 2000).mapToObj(i -> "word:слово" + i).collect(Collectors.toCollection(LinkedHashSet::new));
        Instant goLive = Instant.parse("2026-11-28T12:00:00Z");
        ChangeMessage.Encoded encoded = ChangeMessage.encode("origin-a", new DeliveryChanged(false, keys, Set.of(goLive)), json);

        assertFalse(encoded.widened());
        assertTrue(encoded.payloads().size() > 1);
        Set<String> received = new HashSet<>();
        int goLives = 0;
        for (String payload : encoded.payloads()) {
            assertTrue(payload.getBytes(StandardCharsets.UTF_8).length < 8000, "PostgreSQL refuses a payload of 8000 bytes");
            DeliveryChanged part = ChangeMessage.decode(payload, json).change();
            assertFalse(part.everything());
            received.addAll(part.keys());
            goLives += part.goLive().size();
        }
        assertEquals(keys, received);
        assertEquals(1, goLives, "the go-live instant travels once");
    }

    @Test
    void aChangeTooLargeForNotificationsIsSentAsEverything() throws Exception {
        Set<String> keys = IntStream.range(0, 40_000).mapToObj(i -> "word:w" + i).collect(Collectors.toSet());
        ChangeMessage.Encoded encoded = ChangeMessage.encode("origin-a", new DeliveryChanged(false, keys, Set.of()), json);
        assertTrue(encoded.widened());
        assertEquals(1, encoded.payloads().size());
        assertTrue(ChangeMessage.decode(encoded.payloads().get(0), json).change().everything());
    }

    @Test
    void everythingStaysEverything() throws Exception {
        ChangeMessage.Encoded encoded = ChangeMessage.encode("origin-a", DeliveryChanged.ofEverything(), json);
        assertFalse(encoded.widened());
        assertTrue(ChangeMessage.decode(encoded.payloads().get(0), json).change().everything());
    }
}
