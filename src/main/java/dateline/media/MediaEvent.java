package dateline.media;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A media item was uploaded, described anew or deleted. Fired inside the writing transaction, like article
 * and term events, so the webhook outbox row commits or rolls back with the change.
 */
public record MediaEvent(Type type, UUID id, Instant at) {
    public enum Type {
        CREATED, UPDATED, DELETED;

        /** The name integrators see, e.g. {@code media.created}. */
        public String eventName() {
            return "media." + name().toLowerCase(Locale.ROOT);
        }
    }
}
