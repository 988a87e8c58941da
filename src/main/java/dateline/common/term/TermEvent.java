package dateline.common.term;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A section, tag or author was created, changed or deleted. Fired inside the writing transaction, like
 * article events, so the webhook outbox row commits or rolls back with the change.
 */
public record TermEvent(String kind, Type type, UUID id, String slug, Instant at) {
    public enum Type { CREATED, UPDATED, DELETED }

    /** The name integrators see, e.g. {@code tag.created}. */
    public String eventName() {
        return eventName(kind, type);
    }

    public static String eventName(String kind, Type type) {
        return kind + "." + type.name().toLowerCase(Locale.ROOT);
    }
}
