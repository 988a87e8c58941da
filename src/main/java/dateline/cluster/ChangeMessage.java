package dateline.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.common.http.DeliveryChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A committed change as it travels between instances in a PostgreSQL notification: which instance
 * committed it, and the change. A notification carries at most {@link #MAX_BYTES}, so a change with many
 * keys (a long article touches the searches for each of its words) is sent as several messages in the
 * same transaction, delivered together when it commits; one with more than {@link #MAX_PARTS} messages'
 * worth of keys is sent as "everything", never as less than it changed.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ChangeMessage(String origin, boolean everything, Set<String> keys, Set<Instant> goLive) {
    /** PostgreSQL refuses payloads of 8000 bytes or more; the rest is room for the envelope. */
    static final int MAX_BYTES = 7900;
    static final int MAX_PARTS = 32;

    DeliveryChanged change() {
        return new DeliveryChanged(everything, keys == null ? Set.of() : keys, goLive == null ? Set.of() : goLive);
    }

    /** The notification payloads of one change; {@code widened} when its keys did not fit and it says "everything". */
    record Encoded(List<String> payloads, boolean widened) {
    }

    /** The payloads that carry {@code change} from {@code origin}, each under 8000 bytes of UTF-8. */
    static Encoded encode(String origin, DeliveryChanged change, ObjectMapper json) {
        if (change.everything()) {
            return new Encoded(List.of(everything(json, origin, change)), false);
        }
        List<String> payloads = new ArrayList<>();
        Set<Instant> goLive = change.goLive();
        List<String> part = new ArrayList<>();
        int size = envelope(json, origin, goLive);
        for (String key : change.keys()) {
            int keySize = key.getBytes(StandardCharsets.UTF_8).length + 3; // quotes and comma, escapes aside
            if (size + keySize > MAX_BYTES && !part.isEmpty()) {
                payloads.add(write(json, new ChangeMessage(origin, false, Set.copyOf(part), goLive)));
                goLive = Set.of(); // once is enough
                part.clear();
                size = envelope(json, origin, goLive);
            }
            part.add(key);
            size += keySize;
        }
        if (!part.isEmpty() || !goLive.isEmpty()) {
            payloads.add(write(json, new ChangeMessage(origin, false, Set.copyOf(part), goLive)));
        }
        boolean fits = payloads.size() <= MAX_PARTS
                && payloads.stream().allMatch(p -> p.getBytes(StandardCharsets.UTF_8).length < 8000);
        return fits ? new Encoded(payloads, false) : new Encoded(List.of(everything(json, origin, change)), true);
    }

    private static String everything(ObjectMapper json, String origin, DeliveryChanged change) {
        return write(json, new ChangeMessage(origin, true, Set.of(), change.goLive()));
    }

    static ChangeMessage decode(String payload, ObjectMapper json) throws JsonProcessingException {
        return json.readValue(payload, ChangeMessage.class);
    }

    private static int envelope(ObjectMapper json, String origin, Set<Instant> goLive) {
        return write(json, new ChangeMessage(origin, false, Set.of("k"), goLive)).getBytes(StandardCharsets.UTF_8).length;
    }

    private static String write(ObjectMapper json, ChangeMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Strings and instants always serialise", e);
        }
    }
}
