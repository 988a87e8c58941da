package dateline.media;

import dateline.common.http.DeliveryChanges;
import dateline.common.http.DependencyKeys;
import dateline.common.problem.NotFound;
import dateline.config.DatelineConfig;
import dateline.edit.Edit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The library's writes. An upload is inspected whole before anything is stored (a refused file leaves no
 * row and no file); its original is then stored under its digest, and its row written in a transaction
 * of its own, whose failure removes a file it had just stored. Describing an item anew refreshes every
 * response that shows it (its dependency key); deleting one is refused while anything uses it.
 */
@ApplicationScoped
public class MediaService {
    private static final Logger LOG = Logger.getLogger(MediaService.class);

    private final MediaStorage storage;
    private final ImageInspection inspection;
    private final MediaLinks links;
    private final Clock clock;
    private final Event<MediaEvent> events;
    private final Event<MediaDeleting> deleting;
    private final DeliveryChanges changes;

    MediaService(MediaStorage storage, DatelineConfig config, MediaLinks links, Clock clock, Event<MediaEvent> events,
                 Event<MediaDeleting> deleting, DeliveryChanges changes) {
        this.storage = storage;
        this.inspection = new ImageInspection(config.media());
        this.links = links;
        this.clock = clock;
        this.events = events;
        this.deleting = deleting;
        this.changes = changes;
    }

    public MediaManageView upload(byte[] bytes, MediaMetadata metadata, Focus focus, Edit edit) {
        InspectedImage image = inspection.inspect(bytes); // every refusal happens here, before any write
        String sha256 = sha256(bytes);
        boolean stored = write(() -> storage.putOriginal(sha256, bytes));
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                MediaItem item = new MediaItem();
                item.id = UUID.randomUUID();
                item.sha256 = sha256;
                item.contentType = image.format().mediaType();
                item.byteSize = bytes.length;
                item.width = image.width();
                item.height = image.height();
                item.orientation = image.orientation();
                item.focusX = focus.x();
                item.focusY = focus.y();
                item.createdBy = edit.actor();
                item.createdAt = clock.instant();
                item.describe(metadata.normalised(), item.createdAt);
                item.persist();
                events.fire(new MediaEvent(MediaEvent.Type.CREATED, item.id, item.createdAt));
                return MediaManageView.from(item, links);
            });
        } catch (RuntimeException e) {
            if (stored) {
                forgetOriginal(sha256);
            }
            throw e;
        }
    }

    /** Replaces what editors say about the image; every cached response showing it is refreshed. */
    public MediaManageView describe(UUID id, MediaMetadata metadata) {
        return QuarkusTransaction.requiringNew().call(() -> {
            MediaItem item = find(id);
            item.describe(metadata.normalised(), clock.instant());
            changes.changed(() -> Set.of(DependencyKeys.media(id)));
            events.fire(new MediaEvent(MediaEvent.Type.UPDATED, id, item.updatedAt));
            return MediaManageView.from(item, links);
        });
    }

    /** Deletes an item no article uses (409 otherwise), then its renditions, and its original unless another item has the same bytes. */
    public void delete(UUID id) {
        String sha256 = QuarkusTransaction.requiringNew().call(() -> {
            MediaItem item = find(id);
            deleting.fire(new MediaDeleting(id)); // users refuse here, before anything changes
            item.delete();
            changes.changed(() -> Set.of(DependencyKeys.media(id)));
            events.fire(new MediaEvent(MediaEvent.Type.DELETED, id, clock.instant()));
            return item.sha256;
        });
        // After the commit: a rolled-back delete keeps its files. A file left behind by a crash here is only unused.
        write(() -> {
            storage.deleteRenditions(id);
            return null;
        });
        if (MediaItem.count("sha256", sha256) == 0) {
            forgetOriginal(sha256);
        }
    }

    static MediaItem find(UUID id) {
        MediaItem item = MediaItem.findById(id);
        if (item == null) {
            throw new NotFound("media item", id);
        }
        return item;
    }

    private void forgetOriginal(String sha256) {
        try {
            storage.deleteOriginal(sha256);
        } catch (IOException e) {
            LOG.warnf(e, "Could not delete the unused original %s; it takes space but does no harm", sha256);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private interface StorageWrite<T> {
        T run() throws IOException;
    }

    private static <T> T write(StorageWrite<T> write) {
        try {
            return write.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The media store failed", e);
        }
    }
}
