package dateline.media;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.Iterator;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;

/**
 * Picks the ImageIO reader and writer for a format. Uploaded files are read only by pure-Java readers
 * (TwelveMonkeys for JPEG and WebP, the JDK's for PNG and GIF), never by the native libwebp decoder the
 * WebP writer ships with: a bug in Java code parsing a hostile file is an exception, in C it can be
 * memory corruption. Only our own, already decoded pixels go through native code, to be written as WebP.
 */
final class ImageCodecs {
    private static final String PURE_JAVA_WEBP = "com.twelvemonkeys";
    private static final String NATIVE_WEBP = "com.luciad";

    ImageCodecs() { // a bean only for its start-up observer
    }

    /**
     * ImageIO finds plug-ins through the class loader that first touches it; under Quarkus that may not be
     * the one that sees the application's jars, so scan with the application's at start.
     */
    static void register(@Observes StartupEvent started) {
        ImageIO.scanForPlugins();
    }

    static ImageReader reader(ImageFormat format) {
        return pick(ImageIO.getImageReadersByFormatName(format.imageIoName()), r -> r.getOriginatingProvider().getClass().getName(),
                format == ImageFormat.WEBP ? PURE_JAVA_WEBP : "", "read " + format);
    }

    static ImageWriter writer(RenditionFormat format) {
        return pick(ImageIO.getImageWritersByFormatName(format.imageIoName()), w -> w.getOriginatingProvider().getClass().getName(),
                format == RenditionFormat.WEBP ? NATIVE_WEBP : "", "write " + format);
    }

    private static <T> T pick(Iterator<T> found, Function<T, String> provider, String wanted, String what) {
        T first = null;
        while (found.hasNext()) {
            T candidate = found.next();
            if (provider.apply(candidate).startsWith(wanted)) {
                return candidate;
            }
            first = first == null ? candidate : first;
        }
        if (first == null || !wanted.isEmpty()) {
            throw new IllegalStateException("No ImageIO plug-in to " + what + (wanted.isEmpty() ? "" : " from " + wanted));
        }
        return first;
    }
}
