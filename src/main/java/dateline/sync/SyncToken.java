package dateline.sync;

import dateline.common.page.Cursors;
import java.util.List;

/**
 * Where a sync stands, as an opaque signed token: the last change number the client has applied and the
 * shape and filters it asked for, which every later call keeps. While the first sync pages through the
 * live articles, {@code top} is the newest change number when it began: it lists live articles up to
 * there, and whatever changes meanwhile comes after, as ordinary changes.
 */
record SyncToken(long after, long top, boolean full, String section, String tag, String locale) {
    private static final String LIST = "sync";
    private static final int PARTS = 5;

    static SyncToken start(boolean full, String section, String tag, String locale) {
        return new SyncToken(0, 0, full, section, tag, locale);
    }

    boolean initial() {
        return top > 0;
    }

    SyncToken at(long after, long top) {
        return new SyncToken(after, top, full, section, tag, locale);
    }

    String encode(Cursors cursors) {
        return cursors.encode(LIST, List.of(after + "." + top, full ? "full" : "", text(section), text(tag), text(locale)));
    }

    /** The token's position, or a 400 problem when it was altered or made for something else. */
    static SyncToken decode(String token, Cursors cursors) {
        List<String> parts = cursors.decode(LIST, token, PARTS);
        String[] position = parts.get(0).split("\\.");
        try {
            return new SyncToken(Long.parseLong(position[0]), Long.parseLong(position[1]), "full".equals(parts.get(1)),
                    blankIsNull(parts.get(2)), blankIsNull(parts.get(3)), blankIsNull(parts.get(4)));
        } catch (RuntimeException e) {
            throw cursors.rejected();
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String blankIsNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
