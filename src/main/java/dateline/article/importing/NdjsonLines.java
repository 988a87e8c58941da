package dateline.article.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits an NDJSON stream into lines of raw bytes, one at a time, so each line can be decoded strictly
 * on its own: a line that is not UTF-8 is rejected alone instead of being read with replacement characters.
 * It scans a buffer of its own for line breaks: an import is hundreds of megabytes, read a byte per call
 * it would spend more time here than in parsing the JSON.
 */
final class NdjsonLines {
    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[8 * 1024];

    NdjsonLines(InputStream in) {
        this.in = in;
    }

    /** The next line without its line break (LF or CRLF), or null at the end of the stream. */
    byte[] next() throws IOException {
        int length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int count = position - start;
            if (length + count > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
            }
            System.arraycopy(buffer, start, line, length, count);
            length += count;
            if (position < limit) {
                position++; // the line break
                break;
            }
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return Arrays.copyOf(line, length);
    }
}
