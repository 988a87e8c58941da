package dateline.support;

import static io.restassured.RestAssured.given;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images made in the test, hostile ones included, and the upload the media library takes them through. */
public final class Pictures {
    /** Where the %test profile keeps media files. */
    public static final Path MEDIA_DIR = Path.of(System.getProperty("java.io.tmpdir"), "dateline-test-media");

    private Pictures() {
    }

    /** A JPEG of this size: a gradient with a red square where the interesting part is, so crops can be told apart. */
    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    /** A JPEG whose EXIF says to turn it (6: 90° clockwise), with a GPS-like marker text a rendition must not carry. */
    public static byte[] jpegWithExifOrientation(int width, int height, int orientation) {
        byte[] plain = jpeg(width, height);
        ByteBuffer tiff = ByteBuffer.allocate(26 + 12);
        tiff.put(new byte[]{'M', 'M', 0, 42, 0, 0, 0, 8}); // big-endian TIFF, IFD0 at 8
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0); // no next IFD
        byte[] marker = "GPS 55.7558N 37.6173E".getBytes();
        byte[] tiffBytes = java.util.Arrays.copyOf(tiff.array(), tiff.position());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xff);
        out.write(0xd8);
        int length = 2 + 6 + tiffBytes.length + marker.length;
        out.write(0xff);
        out.write(0xe1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes("Exif\0\0".getBytes());
        out.writeBytes(tiffBytes);
        out.writeBytes(marker);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A PNG that is only a header claiming these dimensions, an empty data chunk and the end: a decompression bomb's shape. */
    public static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", new byte[]{0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** Posts raw bytes to the library with a caption; the response is left to the caller. */
    public static io.restassured.response.Response upload(byte[] bytes, String contentType, String caption) {
        return given().contentType(contentType).queryParam("caption", caption).queryParam("credit", "Photo: Test Desk")
                .queryParam("alt", "A test picture").body(bytes).post("/api/v1/manage/media");
    }

    /** The id of a newly uploaded JPEG. */
    public static String uploaded(byte[] jpeg, String caption) {
        return upload(jpeg, "image/jpeg", caption).then().statusCode(201).extract().path("id");
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under the media directory: a refused upload must leave this number as it was. */
    public static long storedFiles() {
        if (!Files.isDirectory(MEDIA_DIR)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(MEDIA_DIR)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.BLUE, width, height, Color.ORANGE));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(width / 10, height / 10, Math.max(1, width / 10), Math.max(1, height / 10));
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes();
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
