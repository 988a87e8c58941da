package dateline.media;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * An image in the media library: what the original is (its bytes are in {@link MediaStorage} under
 * {@code sha256}), its size as shown, its focal point, and what newsrooms must print with it: alt text,
 * caption, credit, copyright holder and source.
 */
@Entity
@Table(name = "media")
public class MediaItem extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false, length = 64)
    public String sha256;
    @Column(name = "content_type", nullable = false, length = 40)
    public String contentType;
    @Column(name = "byte_size", nullable = false)
    public long byteSize;
    /** Upright: the EXIF orientation applied. */
    @Column(nullable = false)
    public int width;
    @Column(nullable = false)
    public int height;
    @Column(nullable = false)
    public int orientation;
    /** Fixed at upload: rendition URLs are immutable, so a crop may never change under one. */
    @Column(name = "focus_x", nullable = false)
    public double focusX;
    @Column(name = "focus_y", nullable = false)
    public double focusY;
    @Column(length = 1000)
    public String alt;
    @Column(length = 2000)
    public String caption;
    @Column(length = 300)
    public String credit;
    @Column(name = "copyright_holder", length = 300)
    public String copyrightHolder;
    @Column(length = 300)
    public String source;
    @Column(name = "created_by", length = 100)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    ImageFormat format() {
        return ImageFormat.valueOf(contentType.substring("image/".length()).toUpperCase(java.util.Locale.ROOT));
    }

    void describe(MediaMetadata metadata, Instant now) {
        alt = metadata.alt();
        caption = metadata.caption();
        credit = metadata.credit();
        copyrightHolder = metadata.copyrightHolder();
        source = metadata.source();
        updatedAt = now;
    }
}
