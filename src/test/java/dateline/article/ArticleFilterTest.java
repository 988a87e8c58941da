package dateline.article;

import dateline.article.search.SearchQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.article.ArticleFilter.Sort;
import dateline.common.problem.InvalidParameter;
import dateline.common.problem.Problem;
import dateline.common.problem.ProblemType;
import dateline.common.problem.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The list parameters of /articles and /headlines as Dateline understands them: what to select, in which
 * order, what the cached list depends on, and a 400 naming the parameter for anything it cannot use.
 */
class ArticleFilterTest {

    @Test
    void withoutParametersEveryArticleIsListedNewestFirst() {
        ArticleFilter filter = filter(p -> { });
        assertEquals(new ArticleFilter(null, List.of(), false, null, null, null, null, null, Sort.NEWEST, 20, null), filter);
    }

    @Test
    void blankSectionAuthorAndLocaleSelectNothing() {
        ArticleFilter filter = filter(p -> {
            p.section = " ";
            p.author = "";
            p.locale = "  ";
        });
        assertNull(filter.section());
        assertNull(filter.author());
        assertNull(filter.locale());
    }

    @Test
    void limitAndCursorAreTakenAsGiven() {
        ArticleFilter filter = filter(p -> {
            p.limit = 5;
            p.cursor = "opaque";
        });
        assertEquals(5, filter.limit());
        assertEquals("opaque", filter.cursor());
    }

    @Test
    void tagsAreTakenOnceEachInTheOrderGivenAndBlankOnesIgnored() {
        assertEquals(List.of("russia", "azerbaijan"), filter(p -> p.tag = List.of("russia", "", " ", "azerbaijan", "russia")).tags());
    }

    @Test
    void tagModeAllAsksForEveryTagAndAnyForOneOfThem() {
        assertTrue(filter(p -> p.tagMode = "all").allTags());
        assertFalse(filter(p -> p.tagMode = "any").allTags());
        for (String mode : List.of("ALL", "both", "")) {
            assertRefused(p -> p.tagMode = mode, "tagMode", "must be any or all");
        }
    }

    @Test
    void twentyDistinctTagsAreAcceptedAndMoreRefused() {
        List<String> twenty = IntStream.rangeClosed(1, 20).mapToObj(i -> "tag-" + i).toList();
        List<String> repeated = new ArrayList<>(twenty);
        repeated.addAll(twenty);
        assertEquals(twenty, filter(p -> p.tag = repeated).tags());

        List<String> twentyOne = new ArrayList<>(twenty);
        twentyOne.add("tag-21");
        assertRefused(p -> p.tag = twentyOne, "tag", "at most 20 tags");
    }

    @Test
    void sortIsNewestFirstOldestFirstOrRelevance() {
        assertEquals(Sort.NEWEST, filter(p -> p.sort = "-publishedAt").sort());
        assertEquals(Sort.OLDEST, filter(p -> p.sort = "publishedAt").sort());
        assertEquals(Sort.RELEVANCE, filter(p -> {
            p.sort = "relevance";
            p.q = "gusman";
        }).sort());
        for (String sort : List.of("newest", "+publishedAt", "-relevance", "")) {
            assertRefused(p -> p.sort = sort, "sort", "must be -publishedAt, publishedAt or relevance");
        }
    }

    @Test
    void relevanceNeedsASearch() {
        assertRefused(p -> p.sort = "relevance", "sort", "relevance needs a search (q)");
        assertRefused(p -> {
            p.sort = "relevance";
            p.q = "   ";
        }, "sort", "relevance needs a search (q)");
    }

    @Test
    void qIsParsedAsASearchAndABlankOneSearchesNothing() {
        assertEquals(SearchQuery.parse("Gusman -Ankara"), filter(p -> p.q = "Gusman -Ankara").search());
        assertNull(filter(p -> p.q = " ").search());
    }

    @Test
    void aSearchWithNoWordToSearchForIsRefusedAsQ() {
        assertRefused(p -> p.q = "-ankara", "q", "must contain at least one word to search for");
    }

    @Test
    void sinceIsTheInstantGivenOrTheStartOfTheUtcDay() {
        assertEquals(Instant.parse("2025-10-17T15:00:00Z"), filter(p -> p.since = "2025-10-17T15:00:00Z").since());
        assertEquals(Instant.parse("2025-10-17T00:00:00Z"), filter(p -> p.since = "2025-10-17").since());
    }

    @Test
    void untilIncludesTheInstantGivenToTheMicrosecondOrTheWholeUtcDay() {
        assertEquals(Instant.parse("2025-10-17T23:59:59.000001Z"), filter(p -> p.until = "2025-10-17T23:59:59Z").untilExclusive());
        assertEquals(Instant.parse("2025-10-18T00:00:00Z"), filter(p -> p.until = "2025-10-17").untilExclusive());
    }

    @Test
    void sinceAndUntilMayNameTheSameInstantOrTheSameDay() {
        ArticleFilter instant = filter(p -> {
            p.since = "2025-10-17T15:00:00Z";
            p.until = "2025-10-17T15:00:00Z";
        });
        assertEquals(Instant.parse("2025-10-17T15:00:00.000001Z"), instant.untilExclusive());
        ArticleFilter day = filter(p -> {
            p.since = "2025-10-17";
            p.until = "2025-10-17";
        });
        assertEquals(Instant.parse("2025-10-17T00:00:00Z"), day.since());
        assertEquals(Instant.parse("2025-10-18T00:00:00Z"), day.untilExclusive());
    }

    @Test
    void untilBeforeSinceIsRefused() {
        assertRefused(p -> {
            p.since = "2025-10-18";
            p.until = "2025-10-17";
        }, "until", "must be after since");
        assertRefused(p -> {
            p.since = "2025-10-17T15:00:00.000001Z";
            p.until = "2025-10-17T15:00:00Z";
        }, "until", "must be after since");
    }

    @Test
    void aDateOrInstantThatIsNotIso8601IsRefusedNamingTheParameter() {
        String message = "must be an ISO-8601 instant (2025-10-17T15:00:00Z) or date (2025-10-17)";
        for (String value : List.of("yesterday", "2025-10-17T15:00", "2025-10-17 15:00:00Z", "17/10/2025", "2025-13-01", "")) {
            assertRefused(p -> p.since = value, "since", message);
            assertRefused(p -> p.until = value, "until", message);
        }
    }

    @Test
    void localeIsAnyWellFormedLanguageTagInItsCanonicalSpelling() {
        assertEquals("en", filter(p -> p.locale = "EN").locale());
        assertEquals("pt-BR", filter(p -> p.locale = "pt-br").locale());
        assertEquals("zh-Hant-TW", filter(p -> p.locale = "zh-hant-tw").locale());
        for (String tag : List.of("en_US", "e", "not a tag", "en-")) {
            assertRefused(p -> p.locale = tag, "locale", "must be a BCP 47 language tag such as en or pt-BR");
        }
    }

    @Test
    void aListNothingNarrowsDependsOnEveryListWhateverItsLocaleDatesOrOrder() {
        assertEquals(Set.of("lists"), filter(p -> {
            p.locale = "en";
            p.since = "2025-10-17";
            p.sort = "publishedAt";
        }).dependencyKeys(List.of()));
    }

    @Test
    void aNarrowedListDependsOnItsSectionTagsAndAuthorOnly() {
        assertEquals(Set.of("section:world", "tag:russia", "tag:azerbaijan", "author:jane-doe"), filter(p -> {
            p.section = "world";
            p.tag = List.of("russia", "azerbaijan");
            p.author = "jane-doe";
        }).dependencyKeys(List.of()));
    }

    @Test
    void aSearchDependsOnItsWordsAndWhatNarrowsItButNotOnEveryList() {
        // The search's own keys (its words, or on PostgreSQL their stems) are SearchKeys' to name.
        assertEquals(Set.of("word:gusman", "word:baku"), filter(p -> p.q = "Gusman Baku -Ankara")
                .dependencyKeys(List.of("word:gusman", "word:baku")));
        assertEquals(Set.of("stem:москв", "tag:russia"), filter(p -> {
            p.q = "Москва";
            p.tag = List.of("russia");
        }).dependencyKeys(List.of("stem:москв")));
    }

    /** The parameters as JAX-RS fills them when the request sends none (their @DefaultValue), then changed. */
    private static ArticleFilter filter(Consumer<ArticleListParams> set) {
        return ArticleFilter.of(params(set));
    }

    private static ArticleListParams params(Consumer<ArticleListParams> set) {
        ArticleListParams p = new ArticleListParams();
        p.tagMode = "any";
        p.sort = "-publishedAt";
        p.limit = 20;
        set.accept(p);
        return p;
    }

    private static void assertRefused(Consumer<ArticleListParams> set, String parameter, String message) {
        ArticleListParams p = params(set);
        String given = Arrays.toString(new Object[] {p.tag, p.tagMode, p.sort, p.q, p.since, p.until, p.locale});
        InvalidParameter e = assertThrows(InvalidParameter.class, () -> ArticleFilter.of(p), () -> "accepted " + given);
        assertEquals(ProblemType.INVALID_PARAMETER, e.type());
        Problem problem = e.toProblem("/api/v1/articles");
        assertEquals(400, problem.status);
        assertEquals(List.of(Violation.query(parameter, message)), problem.violations, () -> "for " + given);
    }
}
