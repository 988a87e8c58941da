package dateline.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats the library accepts, recognised by their first bytes (never by a file name or a
 * Content-Type header, which the sender chooses), with the check that the file also ends where the
 * format says it ends: a truncated file, or one with something appended (a ZIP or a script, as polyglot
 * files carry), fails it.
 */
enum ImageFormat {
    JPEG("image/jpeg", "jpeg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** The IEND chunk: length 0, type, CRC. Every PNG ends with exactly these twelve bytes. */
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82};

    private final String mediaType;
    private final String imageIoName;

    ImageFormat(String mediaType, String imageIoName) {
        this.mediaType = mediaType;
        this.imageIoName = imageIoName;
    }

    String mediaType() {
        return mediaType;
    }

    String imageIoName() {
        return imageIoName;
    }

    /** The format the bytes start as, if it is one of ours. */
    static Optional<ImageFormat> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (startsWith(b, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(b, 0, ascii("GIF87a")) || startsWith(b, 0, ascii("GIF89a"))) {
            return Optional.of(GIF);
        }
        if (startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** Whether the file ends exactly where the format's own structure says it does. */
    boolean endsWhereItShould(byte[] b) {
        int n = b.length;
        return switch (this) {
            case JPEG -> n >= 4 && (b[n - 2] & 0xff) == 0xff && (b[n - 1] & 0xff) == 0xd9; // EOI
            case PNG -> n >= PNG_SIGNATURE.length + PNG_END.length && startsWith(b, n - PNG_END.length, PNG_END);
            case GIF -> n > 13 && b[n - 1] == 0x3b; // the trailer
            case WEBP -> {
                // The RIFF header gives the size of what follows it; chunks are padded to even sizes.
                long riff = (b[4] & 0xffL) | (b[5] & 0xffL) << 8 | (b[6] & 0xffL) << 16 | (b[7] & 0xffL) << 24;
                yield riff + 8 == n;
            }
        };
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        return b.length >= at + prefix.length && Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
    }
}
