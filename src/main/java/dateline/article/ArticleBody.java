package dateline.article;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Article HTML as Dateline stores it: cleaned to an allow-list by jsoup's Cleaner (scripts, event
 * handlers, styles and javascript: URLs never survive), plus the plain text derived from it.
 */
public final class ArticleBody {
    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "h2", "h3", "h4", "a", "strong", "em", "blockquote", "ul", "ol", "li", "figure", "img", "figcaption",
                    "small", "cite")
            .addAttributes("a", "href")
            // A figure's image may be a media library rendition; its caption and credit (in <small> or <cite>)
            // sit in <figcaption>, and width and height keep the page from jumping while it loads.
            .addAttributes("img", "src", "alt", "width", "height")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "http", "https");
    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);
    private static final double WORDS_PER_MINUTE = 230.0;

    private ArticleBody() {
    }

    /** A body as stored and its plain text, from one parse of the input (an import parses a hundred thousand). */
    record Cleaned(String html, String text) {
    }

    /** The HTML with everything outside the allow-list removed (null for an absent or empty body), and its text. */
    static Cleaned clean(String html) {
        if (html == null || html.isBlank()) {
            return new Cleaned(null, "");
        }
        // What Jsoup.clean does, keeping the cleaned document for its text.
        Document clean = new Cleaner(ALLOWED).clean(Jsoup.parseBodyFragment(html, ""));
        clean.outputSettings(COMPACT);
        String cleaned = clean.body().html().strip();
        return cleaned.isEmpty() ? new Cleaned(null, "") : new Cleaned(cleaned, clean.body().text());
    }

    /** The HTML with everything outside the allow-list removed; null for an absent or empty body. */
    public static String sanitize(String html) {
        return clean(html).html();
    }

    static String text(String html) {
        return html == null ? "" : Jsoup.parseBodyFragment(html).text();
    }

    /** Runs of non-whitespace, counted in one pass (a regex split made an import spend 8% of its time here). */
    static int wordCountOfText(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    static int readingTimeMinutes(int words) {
        return words == 0 ? 0 : (int) Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
    }
}
