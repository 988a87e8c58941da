package dateline.article;

/**
 * The excerpt delivery shows: the editor's own, or else the body's first sentences. It is worked out when
 * an article is written and stored (the {@code teaser} column), so headline lists read one short column
 * instead of every row's body.
 */
public final class ArticleTeaser {
    /** About a headline row's two or three lines; a cut mid-sentence adds the ellipsis within it. */
    static final int LIMIT = 200;
    private static final String ELLIPSIS = "\u2026";

    private ArticleTeaser() {
    }

    /** The editor's excerpt when there is one, else one made from the body's plain text; null when both are empty. */
    public static String of(String excerpt, String bodyText) {
        if (excerpt != null && !excerpt.isBlank()) {
            return excerpt.strip();
        }
        return fromText(bodyText);
    }

    /** For rows written before teasers existed: the same, from the stored (already cleaned) HTML. */
    public static String ofHtml(String excerpt, String bodyHtml) {
        return of(excerpt, excerpt != null && !excerpt.isBlank() ? "" : ArticleBody.text(bodyHtml));
    }

    /**
     * Up to {@link #LIMIT} characters of the text: whole when it fits; else up to the last sentence end
     * within the limit; else up to the last word boundary, with an ellipsis.
     */
    static String fromText(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            return null;
        }
        if (t.length() <= LIMIT) {
            return t;
        }
        int sentence = lastSentenceEnd(t, LIMIT);
        if (sentence > 0) {
            return t.substring(0, sentence);
        }
        // Room for the ellipsis; the cut falls on the space before a word that would not fit.
        int space = t.lastIndexOf(' ', LIMIT - ELLIPSIS.length());
        int end = space > 0 ? space : LIMIT - ELLIPSIS.length();
        if (space <= 0 && Character.isHighSurrogate(t.charAt(end - 1))) {
            end--; // one long "word": never split a character in two
        }
        return stripTrailingPunctuation(t.substring(0, end)) + ELLIPSIS;
    }

    /**
     * The end (exclusive) of the last sentence that finishes within {@code limit} characters, or -1. A
     * sentence ends at . ! ? or … (and any closing quotes or brackets) before a space and a word that does
     * not start in lower case, so "U.S. officials" and "e.g. this" do not end one.
     */
    private static int lastSentenceEnd(String t, int limit) {
        int found = -1;
        for (int i = 0; i < limit && i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '.' && c != '!' && c != '?' && c != '\u2026') {
                continue;
            }
            int end = i + 1;
            while (end < t.length() && isClosing(t.charAt(end))) {
                end++;
            }
            if (end <= limit && end + 1 < t.length() && t.charAt(end) == ' ' && !Character.isLowerCase(t.charAt(end + 1))) {
                found = end;
            }
        }
        return found;
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == '\u201d' || c == '\u2019' || c == ')' || c == ']' || c == '\u00bb';
    }

    private static String stripTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ",;:-\u2013\u2014 ".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }
}
