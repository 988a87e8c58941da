package dateline.article.search;

import dateline.common.http.DependencyKeys;
import dateline.common.problem.InvalidParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code q} in web-search syntax, as PostgreSQL's websearch_to_tsquery reads it: words and
 * "quoted phrases" must all match, a leading {@code -} excludes, and {@code or} separates alternatives.
 * The H2 search evaluates this structure; PostgreSQL receives the raw text.
 */
public record SearchQuery(String text, List<List<Clause>> alternatives, boolean matchesWithoutWords) {
    public static final int MAX_LENGTH = 200;
    private static final Pattern TOKEN = Pattern.compile("(-?)\"([^\"]*)\"?|(\\S+)");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** All words of the clause, in order; more than one makes it a phrase. */
    public record Clause(List<String> words, boolean excluded) {
    }

    public static SearchQuery parse(String q) {
        if (q.length() > MAX_LENGTH) {
            throw new InvalidParameter("q", "must be at most " + MAX_LENGTH + " characters");
        }
        List<List<Clause>> alternatives = new ArrayList<>();
        List<Clause> current = new ArrayList<>();
        Matcher m = TOKEN.matcher(q);
        while (m.find()) {
            boolean quoted = m.group(2) != null;
            String raw = quoted ? m.group(2) : m.group(3);
            boolean excluded = quoted ? !m.group(1).isEmpty() : raw.startsWith("-");
            if (!quoted && raw.equalsIgnoreCase("or")) {
                alternatives.add(current);
                current = new ArrayList<>();
                continue;
            }
            List<String> words = words(excluded && !quoted ? raw.substring(1) : raw);
            if (!words.isEmpty()) {
                current.add(new Clause(words, excluded));
            }
        }
        alternatives.add(current);
        int given = alternatives.size();
        alternatives.removeIf(group -> group.stream().noneMatch(c -> !c.excluded()));
        if (alternatives.isEmpty()) {
            throw new InvalidParameter("q", "must contain at least one word to search for");
        }
        // PostgreSQL's websearch syntax lets an alternative made only of exclusions ("a or -b") match
        // articles without any of the query's words.
        return new SearchQuery(q, alternatives, alternatives.size() < given);
    }

    /** Lower-case words as the index stores them: runs of letters and digits. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty() && w.length() <= 64) {
                words.add(w);
            }
        }
        return words;
    }

    /**
     * What the results depend on ({@link DependencyKeys}): an article can only enter or leave them if it
     * contains, or contained, one of the words searched for.
     */
    List<String> dependencyKeys() {
        return matchesWithoutWords ? List.of(DependencyKeys.SEARCH) : positiveWords().stream().map(DependencyKeys::word).toList();
    }

    /** The keys of the words in an article's text, for the searches it may enter or leave. */
    static java.util.Set<String> dependencyKeysOf(String... texts) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String text : texts) {
            if (text != null) {
                words(text).forEach(w -> keys.add(DependencyKeys.word(w)));
            }
        }
        return keys;
    }

    public List<String> positiveWords() {
        return alternatives.stream().flatMap(List::stream).filter(c -> !c.excluded())
                .flatMap(c -> c.words().stream()).distinct().toList();
    }
}
