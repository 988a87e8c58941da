package dateline.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dateline.support.Pictures;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Reading and applying the EXIF orientation cameras write instead of turning the pixels. */
class ExifOrientationTest {

    @Test
    void theOrientationIsReadFromTheExifSegment() {
        assertEquals(6, ExifOrientation.of(Pictures.jpegWithExifOrientation(40, 30, 6)));
        assertEquals(3, ExifOrientation.of(Pictures.jpegWithExifOrientation(40, 30, 3)));
        assertEquals(1, ExifOrientation.of(Pictures.jpeg(40, 30)), "none: as stored");
    }

    @Test
    void everyOrientationIsTurnedUprightKeepingTheMarkedCorner() {
        // A 4×2 image, black but for the top-left pixel; where must that pixel go for each orientation?
        int[][] expected = {{0, 0}, {3, 0}, {3, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 3}, {0, 3}};
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, 0xffffff);
            BufferedImage upright = ExifOrientation.apply(image, orientation);
            int[] at = expected[orientation - 1];
            assertEquals(ExifOrientation.swapsSides(orientation) ? 2 : 4, upright.getWidth(), "width for " + orientation);
            assertEquals(0xffffff, upright.getRGB(at[0], at[1]) & 0xffffff, "marked pixel for orientation " + orientation);
        }
    }
}
