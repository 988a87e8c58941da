package dateline.media;

import dateline.config.DatelineConfig;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The URLs of an item's renditions, absolute under the public base URL (feeds and ninjs need absolute
 * ones), and the list of them a {@code srcset} is made from: every configured width up to the image's own
 * (renditions are never enlarged), in each format.
 */
@ApplicationScoped
public class MediaLinks {
    private final String base;
    private final List<Integer> widths;

    MediaLinks(DatelineConfig config) {
        this.base = config.publicBaseUrl().replaceAll("/+$", "");
        this.widths = config.media().widths().stream().sorted().toList();
    }

    /** For the static {@code from} methods of views, which have no injection. */
    public static MediaLinks current() {
        return Arc.container().instance(MediaLinks.class).get();
    }

    public String rendition(UUID id, int width, RenditionFormat format) {
        return base + "/api/v1/media/" + id + "/" + width + "." + format.extension();
    }

    /** The smallest JPEG rendition: what a headline row shows. */
    public String thumbnail(UUID id) {
        return rendition(id, widths.get(0), RenditionFormat.JPEG);
    }

    /** The item as delivery shows it: metadata, the main URL and the renditions, smallest first. */
    public ImageView image(MediaItem item) {
        List<ImageView.Rendition> renditions = new ArrayList<>();
        for (RenditionFormat format : RenditionFormat.values()) {
            for (int w : usefulWidths(item)) {
                RenditionMaker.Crop crop = RenditionMaker.Crop.of(item.width, item.height,
                        new RenditionMaker.Order(item.format(), item.orientation, item.focusX, item.focusY, w, null, format));
                renditions.add(new ImageView.Rendition(rendition(item.id, w, format), crop.outW(), crop.outH(), format.mediaType()));
            }
        }
        List<Integer> useful = usefulWidths(item);
        int main = useful.get(Math.max(0, useful.size() - 2)); // the second largest: sharp, and not the heaviest
        return new ImageView(item.id, rendition(item.id, main, RenditionFormat.JPEG), item.alt, item.caption, item.credit,
                item.copyrightHolder, item.width, item.height, renditions);
    }

    /** The configured widths up to the image's width; the smallest always, however small the image. */
    List<Integer> usefulWidths(MediaItem item) {
        List<Integer> useful = widths.stream().filter(w -> w <= item.width).toList();
        return useful.isEmpty() ? List.of(widths.get(0)) : useful;
    }
}
