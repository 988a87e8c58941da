package dateline.common.http;

import java.util.Locale;

/**
 * Whether a request's {@code Accept-Encoding} (RFC 9110 12.5.3) admits gzip: named with a non-zero
 * weight ({@code x-gzip} is its old alias), or left to {@code *} and not refused by name.
 */
final class AcceptEncoding {
    private AcceptEncoding() {
    }

    static boolean allowsGzip(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        Boolean named = null;
        boolean wildcard = false;
        for (String member : header.split(",")) {
            String[] parts = member.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            boolean accepted = weight(parts) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                named = (named != null && named) || accepted;
            } else if (coding.equals("*")) {
                wildcard = accepted;
            }
        }
        return named != null ? named : wildcard;
    }

    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0; // an unreadable weight admits nothing
                }
            }
        }
        return 1;
    }
}
