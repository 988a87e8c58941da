package dateline.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The page Dateline grew from: a title line, a body hard-wrapped at arbitrary points, a blank gap, then
 * pairs of lines (related headline, date such as {@code 17.Oct.2025}).
 */
record SeedPage(String title, List<String> paragraphs, List<Headline> headlines) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.MMM.uuuu", Locale.ENGLISH);

    record Headline(String title, LocalDate date) {
    }

    static SeedPage parse(String text) {
        List<String> lines = text.lines().map(String::strip).toList();
        int gap = lines.indexOf("");
        List<String> bodyLines = lines.subList(1, gap);
        List<String> rest = lines.subList(gap, lines.size()).stream().filter(l -> !l.isEmpty()).toList();
        List<Headline> headlines = new ArrayList<>();
        for (int i = 0; i + 1 < rest.size(); i += 2) {
            headlines.add(new Headline(rest.get(i), LocalDate.parse(rest.get(i + 1), DATE)));
        }
        return new SeedPage(lines.get(0), paragraphs(bodyLines), headlines);
    }

    /**
     * The seed's line breaks fall mid-sentence, so they are not paragraph breaks: lines are joined until
     * one ends a sentence, and that line closes the paragraph.
     */
    static List<String> paragraphs(List<String> lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (!current.isEmpty()) {
                current.append(' ');
            }
            current.append(line);
            if (endsSentence(line)) {
                paragraphs.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current.toString());
        }
        return paragraphs;
    }

    private static boolean endsSentence(String line) {
        return line.endsWith(".") || line.endsWith("!") || line.endsWith("?")
                || line.endsWith(".\u201d") || line.endsWith(".\"");
    }
}
