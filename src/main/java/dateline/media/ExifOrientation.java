package dateline.media;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * The EXIF orientation of a JPEG (1-8): cameras store the sensor's pixels and say how to turn them.
 * Renditions are turned as it says and written without any metadata, so what readers see is upright and
 * carries no EXIF or XMP (no camera serial, no GPS position of a source).
 */
final class ExifOrientation {
    static final int NORMAL = 1;

    private ExifOrientation() {
    }

    /** The orientation a JPEG's EXIF gives; 1 when there is none or it cannot be read (the pixels are shown as stored). */
    static int of(byte[] jpeg) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return NORMAL;
            }
            byte[] data = exif.get(0).data().readAllBytes();
            // The TIFF structure follows the "Exif\0\0" identifier (which some versions of data() include).
            int start = data.length > 6 && data[0] == 'E' && data[1] == 'x' ? 6 : data.length > 0 && data[0] == 0 ? 1 : 0;
            try (ImageInputStream tiff = ImageIO.createImageInputStream(new ByteArrayInputStream(data, start, data.length - start))) {
                Directory ifd0 = new TIFFReader().read(tiff);
                Entry entry = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
                int value = entry == null ? NORMAL : ((Number) entry.getValue()).intValue();
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        } catch (IOException | RuntimeException e) {
            return NORMAL; // broken EXIF does not make a broken picture
        }
    }

    /** Whether width and height trade places when the orientation is applied. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5;
    }

    /** The image turned upright. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); } // 8
        }
        BufferedImage upright = new BufferedImage(swapsSides(orientation) ? h : w, swapsSides(orientation) ? w : h,
                image.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_RGB : image.getType());
        return new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, upright);
    }
}
