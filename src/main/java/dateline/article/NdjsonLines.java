package dateline.article;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits an NDJSON stream into lines of raw bytes, one at a time, so each line can be decoded strictly
 * on its own: a line that is not UTF-8 is rejected alone instead of being read with replacement characters.
 */
final class NdjsonLines {
    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    NdjsonLines(InputStream in) {
        this.in = new BufferedInputStream(in, 64 * 1024);
    }

    /** The next line without its line break, or null at the end of the stream. */
    byte[] next() throws IOException {
        line.reset();
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') {
                break;
            }
            line.write(b);
        }
        if (!any) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\r') {
            return java.util.Arrays.copyOf(bytes, end - 1);
        }
        return bytes;
    }
}
