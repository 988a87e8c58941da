package dateline.media;

import java.util.Optional;

/** The formats renditions are written in: JPEG everywhere, WebP for the browsers that take it (smaller). */
public enum RenditionFormat {
    JPEG("jpg", "image/jpeg", "jpeg"),
    WEBP("webp", "image/webp", "webp");

    private final String extension;
    private final String mediaType;
    private final String imageIoName;

    RenditionFormat(String extension, String mediaType, String imageIoName) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.imageIoName = imageIoName;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    String imageIoName() {
        return imageIoName;
    }

    static Optional<RenditionFormat> ofExtension(String extension) {
        for (RenditionFormat f : values()) {
            if (f.extension.equals(extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
