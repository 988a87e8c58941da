package dateline.article;

import dateline.article.search.SearchQuery;
import dateline.common.http.DependencyKeys;
import dateline.common.problem.InvalidParameter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/** Validated list parameters: what to select and in which order. */
record ArticleFilter(String section, List<String> tags, boolean allTags, String author, String locale,
                     Instant since, Instant untilExclusive, SearchQuery search, Sort sort, int limit, String cursor) {

    enum Sort { NEWEST, OLDEST, RELEVANCE }

    /**
     * What the list shows depends on: the section, tags and author it names, or else every list; a search
     * on its words ({@code searchKeys}, named by {@code SearchKeys}).
     */
    java.util.Set<String> dependencyKeys(List<String> searchKeys) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(searchKeys);
        if (section != null) {
            keys.add(DependencyKeys.section(section));
        }
        tags.forEach(t -> keys.add(DependencyKeys.tag(t)));
        if (author != null) {
            keys.add(DependencyKeys.author(author));
        }
        if (keys.isEmpty()) {
            keys.add(DependencyKeys.LISTS);
        }
        return keys;
    }

    static ArticleFilter of(ArticleListParams p) {
        List<String> tags = p.tag == null ? List.of() : p.tag.stream().filter(t -> !t.isBlank()).distinct().toList();
        if (tags.size() > 20) {
            throw new InvalidParameter("tag", "at most 20 tags");
        }
        boolean all = switch (p.tagMode) {
            case "any" -> false;
            case "all" -> true;
            default -> throw new InvalidParameter("tagMode", "must be any or all");
        };
        SearchQuery search = p.q == null || p.q.isBlank() ? null : SearchQuery.parse(p.q);
        Sort sort = switch (p.sort) {
            case "-publishedAt" -> Sort.NEWEST;
            case "publishedAt" -> Sort.OLDEST;
            case "relevance" -> Sort.RELEVANCE;
            default -> throw new InvalidParameter("sort", "must be -publishedAt, publishedAt or relevance");
        };
        if (sort == Sort.RELEVANCE && search == null) {
            throw new InvalidParameter("sort", "relevance needs a search (q)");
        }
        Instant since = p.since == null ? null : instant("since", p.since, false);
        Instant until = p.until == null ? null : instant("until", p.until, true);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new InvalidParameter("until", "must be after since");
        }
        return new ArticleFilter(blankToNull(p.section), tags, all, blankToNull(p.author), locale(p.locale),
                since, until, search, sort, p.limit, p.cursor);
    }

    /** An instant as given; a date means its whole UTC day (from its start, or up to its end). */
    private static Instant instant(String name, String value, boolean upperBound) {
        try {
            Instant at = Instant.parse(value);
            return upperBound ? at.plusNanos(1_000) : at;
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (upperBound ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                throw new InvalidParameter(name, "must be an ISO-8601 instant (2025-10-17T15:00:00Z) or date (2025-10-17)");
            }
        }
    }

    private static String locale(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        try {
            return new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw new InvalidParameter("locale", "must be a BCP 47 language tag such as en or pt-BR");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
