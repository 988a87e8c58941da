package dateline.common.slug;

import com.ibm.icu.text.Transliterator;
import java.util.regex.Pattern;

/**
 * URL slugs: lower-case ASCII words joined by {@code -}. Titles in other scripts are transliterated
 * (ICU's Any-Latin; Latin-ASCII), so "Москва" becomes "moskva" and "Café" becomes "cafe".
 */
public final class Slugs {
    public static final int MAX_LENGTH = 120;
    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u2018`]");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");

    private Slugs() {
    }

    /** A slug for a title; empty when the title has no letter or digit that survives transliteration. */
    public static String fromTitle(String title) {
        String ascii;
        synchronized (TO_ASCII) { // ICU transliterators are not documented as thread-safe
            ascii = TO_ASCII.transliterate(title);
        }
        String slug = SEPARATORS.matcher(APOSTROPHES.matcher(ascii).replaceAll("")).replaceAll("-");
        slug = trimDashes(slug);
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = trimDashes(slug.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH));
        }
        return slug;
    }

    /** A slug with a numeric suffix that still fits the length limit: {@code base-2}, {@code base-3}... */
    public static String withSuffix(String base, int n) {
        String suffix = "-" + n;
        String head = base.length() + suffix.length() > MAX_LENGTH ? base.substring(0, MAX_LENGTH - suffix.length()) : base;
        return trimDashes(head) + suffix;
    }

    public static boolean isValid(String slug) {
        return slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
