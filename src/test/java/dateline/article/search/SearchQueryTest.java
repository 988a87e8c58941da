package dateline.article.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dateline.article.search.SearchQuery.Clause;
import dateline.common.http.DependencyKeys;
import dateline.common.problem.InvalidParameter;
import dateline.common.problem.Problem;
import dateline.common.problem.ProblemType;
import dateline.common.problem.Violation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code q} of the article lists, in web-search syntax: every word and "quoted phrase" must match, a
 * leading {@code -} excludes, {@code or} separates alternatives. Words are what the search index stores:
 * lower-case runs of letters and digits.
 */
class SearchQueryTest {

    @Test
    void everyWordIsATermThatMustMatch() {
        assertEquals(List.of(List.of(word("gusman"), word("baku"))), alternatives("Gusman Baku"));
    }

    @Test
    void aQuotedPhraseIsOneTerm() {
        assertEquals(List.of(List.of(phrase("moscow", "baku"), word("talks"))), alternatives("\"Moscow Baku\" talks"));
    }

    @Test
    void aLeadingMinusExcludesAWord() {
        assertEquals(List.of(List.of(word("gusman"), without("ankara"))), alternatives("Gusman -Ankara"));
    }

    @Test
    void aLeadingMinusExcludesAQuotedPhrase() {
        assertEquals(List.of(List.of(word("gusman"), without("ankara", "talks"))), alternatives("Gusman -\"Ankara talks\""));
    }

    @Test
    void aWordJoinedByPunctuationIsAPhraseOfItsPartsNotAnExclusion() {
        assertEquals(List.of(List.of(phrase("moscow", "baku"))), alternatives("Moscow-Baku"));
        assertEquals(List.of(List.of(phrase("u", "s"), word("e2e"))), alternatives("U.S. e2e"));
    }

    @Test
    void orSeparatesAlternativesWhateverItsCase() {
        assertEquals(List.of(List.of(word("gusman"), word("baku")), List.of(word("aliyev")), List.of(word("putin"))),
                alternatives("gusman baku OR aliyev Or putin"));
    }

    @Test
    void aQuotedOrOrAnExcludedOrIsAWord() {
        assertEquals(List.of(List.of(word("war"), word("or"), word("peace"), without("or"))), alternatives("war \"or\" peace -or"));
    }

    @Test
    void anOrWithNothingOnOneSideAddsNoAlternative() {
        assertEquals(List.of(List.of(word("gusman"))), alternatives("or gusman or"));
        assertEquals(List.of(List.of(word("gusman")), List.of(word("aliyev"))), alternatives("gusman or or aliyev"));
    }

    @Test
    void wordsAreLowerCasedRunsOfLettersAndDigitsInAnyScript() {
        assertEquals(List.of(List.of(word("élysée"), phrase("são", "paulo"), word("2025"), word("москва"), word("東京"))),
                alternatives("ÉLYSÉE, São-Paulo! 2025 Москва 東京"));
    }

    @Test
    void anUnclosedQuoteRunsToTheEndOfTheQuery() {
        assertEquals(List.of(List.of(word("talks"), phrase("moscow", "baku"))), alternatives("talks \"Moscow Baku"));
    }

    @Test
    void termsWithoutLettersOrDigitsAreIgnored() {
        assertEquals(List.of(List.of(word("gusman"))), alternatives("-- gusman !!! \"\" - \"...\""));
    }

    @Test
    void wordsLongerThan64CharactersAreIgnoredLikeTheIndexIgnoresThem() {
        String longest = "a".repeat(64);
        assertEquals(List.of(List.of(word(longest))), alternatives(longest + " " + "b".repeat(65)));
    }

    @Test
    void theTextIsKeptAsGivenForPostgreSQL() {
        String q = "  Gusman  -\"Ankara talks\" OR Aliyev ";
        assertEquals(q, SearchQuery.parse(q).text());
    }

    @Test
    void aQueryOf200CharactersIsAcceptedAndALongerOneRefused() {
        String longest = "word ".repeat(40);
        assertEquals(200, longest.length());
        assertEquals(40, SearchQuery.parse(longest).alternatives().get(0).size());
        assertRefused(longest + "x", "must be at most 200 characters");
    }

    @Test
    void aQueryWithNoWordToSearchForIsRefused() {
        for (String q : List.of("", "   ", "-ankara", "-\"ankara talks\"", "!!! ...", "\"\"", "or", "-ankara or -aliyev", "b".repeat(65))) {
            assertRefused(q, "must contain at least one word to search for");
        }
    }

    @Test
    void anAlternativeOfOnlyExclusionsIsDroppedButMarksTheQueryAsMatchingWithoutWords() {
        SearchQuery q = SearchQuery.parse("gusman or -ankara");
        assertEquals(List.of(List.of(word("gusman"))), q.alternatives());
        assertTrue(q.matchesWithoutWords());
        assertEquals(List.of(DependencyKeys.SEARCH), q.dependencyKeys(), "any article with text may enter the results");
    }

    @Test
    void theResultsDependOnTheWordsSearchedForAndNotOnExcludedOnes() {
        SearchQuery q = SearchQuery.parse("Gusman \"gusman Baku\" -Ankara or Aliyev");
        assertFalse(q.matchesWithoutWords());
        assertEquals(List.of("gusman", "baku", "aliyev"), q.positiveWords());
        assertEquals(List.of("word:gusman", "word:baku", "word:aliyev"), q.dependencyKeys());
    }

    @Test
    void anArticlesTextsGiveTheKeysOfEveryWordInThem() {
        assertEquals(Set.of("word:gusman", "word:in", "word:baku", "word:talks"),
                SearchQuery.dependencyKeysOf("Gusman in Baku", null, "BAKU talks."));
    }

    private static List<List<Clause>> alternatives(String q) {
        return SearchQuery.parse(q).alternatives();
    }

    private static Clause word(String word) {
        return new Clause(List.of(word), false);
    }

    private static Clause phrase(String... words) {
        return new Clause(List.of(words), false);
    }

    private static Clause without(String... words) {
        return new Clause(List.of(words), true);
    }

    private static void assertRefused(String q, String message) {
        InvalidParameter e = assertThrows(InvalidParameter.class, () -> SearchQuery.parse(q), () -> "q=" + q);
        assertEquals(ProblemType.INVALID_PARAMETER, e.type());
        Problem problem = e.toProblem("/api/v1/articles");
        assertEquals(400, problem.status);
        assertEquals(List.of(Violation.query("q", message)), problem.violations, () -> "q=" + q);
    }
}
