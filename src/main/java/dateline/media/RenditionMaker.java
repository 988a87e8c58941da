package dateline.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Makes one rendition from an original's bytes: decoded at the coarsest resolution that still leaves
 * twice the pixels the rendition needs (a 320 px rendition of a 24-megapixel photo never holds the whole
 * photo in memory), turned upright, cropped to the ratio around the focal point, scaled by Thumbnailator
 * and written without any metadata. Pure: no storage, no configuration, so the benchmark runs it alone.
 */
final class RenditionMaker {
    private static final float JPEG_QUALITY = 0.82f;
    private static final float WEBP_QUALITY = 0.80f;

    private RenditionMaker() {
    }

    /** What to make: from which original, at what width, cropped how, in which format. */
    record Order(ImageFormat source, int orientation, double focusX, double focusY, int width, AspectRatio ratio,
                 RenditionFormat format) {
    }

    static byte[] make(byte[] original, Order order) throws IOException {
        ImageReader reader = ImageCodecs.reader(order.source());
        BufferedImage decoded;
        Crop crop;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(original))) {
            reader.setInput(in, true, true);
            boolean swap = ExifOrientation.swapsSides(order.orientation());
            int uprightW = swap ? reader.getHeight(0) : reader.getWidth(0);
            int uprightH = swap ? reader.getWidth(0) : reader.getHeight(0);
            crop = Crop.of(uprightW, uprightH, order);
            int step = Math.max(1, crop.w / (2 * crop.outW));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            decoded = reader.read(0, param);
            crop = crop.scaledDown(step, uprightW, uprightH);
        } finally {
            reader.dispose();
        }
        BufferedImage upright = ExifOrientation.apply(opaqueRgb(decoded), order.orientation());
        int x = Math.min(crop.x, upright.getWidth() - 1);
        int y = Math.min(crop.y, upright.getHeight() - 1);
        BufferedImage scaled = Thumbnails.of(upright)
                .sourceRegion(x, y, Math.min(crop.w, upright.getWidth() - x), Math.min(crop.h, upright.getHeight() - y))
                .forceSize(crop.outW, crop.outH).asBufferedImage();
        return encode(scaled, order.format());
    }

    /**
     * Alpha flattened onto white (JPEG has none), and a plain RGB layout both writers take. A decoded JPEG
     * is already one (3-byte BGR) and is not copied: at 24 megapixels a copy is 96 MB.
     */
    private static BufferedImage opaqueRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static byte[] encode(BufferedImage image, RenditionFormat format) throws IOException {
        ImageWriter writer = ImageCodecs.writer(format);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            if (format == RenditionFormat.WEBP) {
                param.setCompressionType(param.getCompressionTypes()[0]); // lossy
                param.setCompressionQuality(WEBP_QUALITY);
            } else {
                param.setCompressionQuality(JPEG_QUALITY);
            }
            // No metadata is passed: the rendition carries no EXIF, XMP or comment of the original.
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The region of the upright image a rendition shows, and the rendition's size. */
    record Crop(int x, int y, int w, int h, int outW, int outH) {
        static Crop of(int imageW, int imageH, Order order) {
            int w = imageW;
            int h = imageH;
            if (order.ratio() != null) {
                h = order.ratio().heightFor(imageW);
                if (h > imageH) {
                    h = imageH;
                    w = Math.max(1, Math.round((float) imageH * order.ratio().width() / order.ratio().height()));
                }
            }
            // Centred on the focal point, moved back inside the image where the point is near an edge.
            int x = clamp((int) Math.round(order.focusX() * imageW - w / 2.0), imageW - w);
            int y = clamp((int) Math.round(order.focusY() * imageH - h / 2.0), imageH - h);
            int outW = Math.min(order.width(), w); // never enlarged
            int outH = Math.max(1, (int) Math.round((double) h * outW / w));
            return new Crop(x, y, w, h, outW, outH);
        }

        Crop scaledDown(int step, int imageW, int imageH) {
            if (step == 1) {
                return this;
            }
            return new Crop(x / step, y / step, Math.max(1, w / step), Math.max(1, h / step), outW, outH);
        }

        private static int clamp(int value, int max) {
            return Math.max(0, Math.min(value, max));
        }
    }
}
