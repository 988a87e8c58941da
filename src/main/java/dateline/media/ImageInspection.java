package dateline.media;

import dateline.common.problem.ProblemType;
import dateline.config.DatelineConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.ImageIO;

/**
 * Decides whether uploaded bytes are an image the library takes, from the bytes alone, cheapest check
 * first: the size, the format's signature, that the file ends where the format ends (truncated files and
 * polyglots with something appended fail), no markup inside, the dimensions from the header (a
 * decompression bomb is refused here, before a single pixel is decoded), and last a decode of every
 * byte of it, at reduced resolution so memory stays small, in which any warning (a premature end, a
 * corrupt block) refuses it.
 */
final class ImageInspection {
    /** Markup a browser or an interpreter would act on, which no photograph carries. */
    private static final List<String> MARKUP = List.of("<script", "<html", "<svg", "<?php", "<!doctype", "<iframe", "<body", "javascript:");
    /** A full decode at this many pixels wide at most proves every byte decodes without holding the image. */
    private static final int CHECK_WIDTH = 512;

    private final DatelineConfig.Media limits;

    ImageInspection(DatelineConfig.Media limits) {
        this.limits = limits;
    }

    InspectedImage inspect(byte[] bytes) {
        if (bytes.length > limits.maxUploadSize().asLongValue()) {
            throw new ImageRejected(ProblemType.PAYLOAD_TOO_LARGE, "The image is larger than the "
                    + limits.maxUploadSize().asLongValue() + " bytes the library accepts.");
        }
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> unsupported(bytes));
        if (!format.endsWhereItShould(bytes)) {
            throw invalid("The " + format + " file is truncated, or something is appended after its end (a polyglot file).");
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String markup : MARKUP) {
            if (text.contains(markup)) {
                throw invalid("The " + format + " file carries markup or script ('" + markup + "'), as polyglot files do.");
            }
        }
        ImageReader reader = ImageCodecs.reader(format);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            refuseBomb(width, height);
            decodeAll(reader, width);
            int orientation = format == ImageFormat.JPEG ? ExifOrientation.of(bytes) : ExifOrientation.NORMAL;
            boolean swap = ExifOrientation.swapsSides(orientation);
            return new InspectedImage(format, swap ? height : width, swap ? width : height, orientation);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageRejected rejected) {
                throw rejected;
            }
            throw invalid("The " + format + " file cannot be decoded: it is damaged or not what its first bytes say.");
        } finally {
            reader.dispose();
        }
    }

    private void refuseBomb(int width, int height) {
        if (width <= 0 || height <= 0 || width > limits.maxSide() || height > limits.maxSide()
                || (long) width * height > limits.maxPixels()) {
            throw new ImageRejected(ProblemType.IMAGE_TOO_LARGE, "The image is " + width + "×" + height
                    + " pixels; the library takes at most " + limits.maxPixels() + " pixels and " + limits.maxSide()
                    + " on a side.", Map.of("width", width, "height", height, "maxPixels", limits.maxPixels(), "maxSide", limits.maxSide()));
        }
    }

    private static void decodeAll(ImageReader reader, int width) throws IOException {
        String[] warning = new String[1];
        IIOReadWarningListener listener = (source, message) -> warning[0] = message;
        reader.addIIOReadWarningListener(listener);
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, width / CHECK_WIDTH);
        param.setSourceSubsampling(step, step, 0, 0);
        reader.read(0, param);
        if (warning[0] != null) {
            throw new IOException(warning[0]);
        }
    }

    private static ImageRejected unsupported(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1).strip()
                .replace("\uFEFF", "").replace("ï»¿", "").toLowerCase(Locale.ROOT);
        if (start.startsWith("<")) {
            return new ImageRejected(ProblemType.UNSUPPORTED_IMAGE,
                    "SVG and other markup are not accepted: they can carry script. Send a JPEG, PNG, GIF or WebP.");
        }
        if (bytes.length >= 12 && new String(bytes, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")) {
            return new ImageRejected(ProblemType.UNSUPPORTED_IMAGE, "AVIF and HEIF are not accepted: no maintained Java"
                    + " library here reads them. Send a JPEG, PNG, GIF or WebP.");
        }
        return new ImageRejected(ProblemType.UNSUPPORTED_IMAGE, bytes.length == 0 ? "The body is empty; send the image's bytes."
                : "The body is not a JPEG, PNG, GIF or WebP image (judged by its bytes, not its name or Content-Type).");
    }

    private static ImageRejected invalid(String detail) {
        return new ImageRejected(ProblemType.INVALID_IMAGE, detail);
    }
}
