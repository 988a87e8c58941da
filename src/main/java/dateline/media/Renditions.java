package dateline.media;

import dateline.common.problem.InvalidParameter;
import dateline.common.problem.ProblemException;
import dateline.common.problem.ProblemType;
import dateline.config.DatelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Serves renditions from a fixed menu (configured widths, ratios and the two formats), so nobody can make
 * the server resize images to order. Each is made on its first request and kept in {@link MediaStorage};
 * at most {@code dateline.media.renderers} are made at once, since each holds a decoded image.
 */
@ApplicationScoped
public class Renditions {
    /** How long a request waits for a free renderer before it is answered 503. */
    private static final long WAIT_SECONDS = 20;

    private final MediaStorage storage;
    private final List<Integer> widths;
    private final List<String> ratios;
    private final Semaphore renderers;

    Renditions(MediaStorage storage, DatelineConfig config) {
        this.storage = storage;
        this.widths = config.media().widths();
        this.ratios = config.media().ratios();
        this.renderers = new Semaphore(Math.max(1, config.media().renderers()), true);
    }

    /** A rendition's bytes and strong ETag. */
    public record Rendition(byte[] bytes, String etag, String mediaType) {
    }

    /** A rendition asked for, checked against the menu. */
    record Choice(int width, RenditionFormat format, AspectRatio ratio) {
    }

    /** Checks the request against the menu (400 for anything off it) before anything is read. */
    Choice choose(int width, String extension, String ratio) {
        if (!widths.contains(width)) {
            throw new InvalidParameter("width", "must be one of " + widths);
        }
        RenditionFormat format = RenditionFormat.ofExtension(extension)
                .orElseThrow(() -> new InvalidParameter("format", "must be jpg or webp"));
        AspectRatio aspect = null;
        if (ratio != null) {
            aspect = ratios.contains(ratio.strip()) ? AspectRatio.parse(ratio) : null;
            if (aspect == null) {
                throw new InvalidParameter("ratio", "must be one of " + ratios);
            }
        }
        return new Choice(width, format, aspect);
    }

    Rendition get(MediaItem item, Choice choice) {
        RenditionMaker.Order order = new RenditionMaker.Order(item.format(), item.orientation, item.focusX, item.focusY,
                choice.width(), choice.ratio(), choice.format());
        String name = order.width() + (order.ratio() == null ? "" : "-" + order.ratio().fileToken()) + "." + order.format().extension();
        try {
            Optional<byte[]> kept = storage.rendition(item.id, name);
            byte[] bytes = kept.isPresent() ? kept.get() : make(item, order, name);
            return new Rendition(bytes, "\"" + MediaService.sha256(bytes) + "\"", order.format().mediaType());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or keep a rendition of media item " + item.id, e);
        }
    }

    private byte[] make(MediaItem item, RenditionMaker.Order order, String name) throws IOException {
        try {
            if (!renderers.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ProblemException(ProblemType.UNAVAILABLE, "Every renderer is busy; retry in a moment.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(ProblemType.UNAVAILABLE, "Interrupted while waiting for a renderer.");
        }
        try {
            Optional<byte[]> madeMeanwhile = storage.rendition(item.id, name); // by the request we waited behind
            if (madeMeanwhile.isPresent()) {
                return madeMeanwhile.get();
            }
            byte[] bytes = RenditionMaker.make(storage.original(item.sha256), order);
            storage.putRendition(item.id, name, bytes);
            return bytes;
        } finally {
            renderers.release();
        }
    }

    /** For the resource: the item, or 404. */
    static MediaItem item(UUID id) {
        return MediaService.find(id);
    }
}
