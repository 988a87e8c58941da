package dateline.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How an excerpt is made from a body when the editor wrote none. */
class ArticleTeaserTest {
    private static final String WORDS = "Ministers met in Brussels on Tuesday to agree the budget for the coming year"
            + " while farmers blocked the roads outside with tractors and bales of hay and the police watched"
            + " from a distance as the talks went on late into the night and beyond the deadline set";

    @Test
    void anEditorsExcerptAlwaysWins() {
        assertEquals("Written by hand", ArticleTeaser.of("  Written by hand ", "A body that says something else."));
    }

    @Test
    void aShortBodyIsShownWhole() {
        assertEquals("Two sentences. Both fit.", ArticleTeaser.of(null, "Two sentences. Both fit."));
    }

    @Test
    void noExcerptAndNoBodyIsNull() {
        assertNull(ArticleTeaser.of(null, ""));
        assertNull(ArticleTeaser.of(" ", "   "));
        assertNull(ArticleTeaser.ofHtml(null, null));
    }

    @Test
    void aLongBodyIsCutAtTheLastSentenceEndWithinTheLimit() {
        String first = "The council approved the new tram line on Monday.";
        String second = "Construction starts in spring and should take three years, the mayor said.";
        String third = "Opponents, who had collected more than ten thousand signatures against the plan, say they will take the decision to court.";
        assertEquals(first + " " + second, ArticleTeaser.of(null, first + " " + second + " " + third));
    }

    @Test
    void withoutASentenceEndItIsCutOnAWordBoundaryWithAnEllipsis() {
        String teaser = ArticleTeaser.of(null, WORDS);
        assertTrue(teaser.length() <= ArticleTeaser.LIMIT, teaser);
        assertTrue(teaser.endsWith("\u2026"), teaser);
        String kept = teaser.substring(0, teaser.length() - 1);
        assertTrue(WORDS.startsWith(kept + " "), "ends on a whole word: " + teaser);
        assertTrue(kept.length() > ArticleTeaser.LIMIT - 20, "uses most of the room: " + teaser);
    }

    @Test
    void abbreviationsDoNotEndASentence() {
        String body = "U.S. officials said on Monday that talks with e.g. the mayors of the largest cities would go on"
                + " for another week and that nothing had been agreed so far about the funding of the new transport"
                + " links across the whole region.";
        String teaser = ArticleTeaser.of(null, body);
        assertTrue(teaser.startsWith("U.S. officials said") && teaser.endsWith("\u2026"), teaser);
    }

    @Test
    void htmlIsReducedToItsTextAndWhitespaceToSingleSpaces() {
        assertEquals("A headline matters. Quoted words here.",
                ArticleTeaser.ofHtml(null, "<h2>A headline matters.</h2>\n<p>Quoted <em>words</em>\n\n here.</p>"));
    }

    @Test
    void oneEndlessWordIsCutWithoutSplittingACharacter() {
        String word = "\uD83D\uDCF0".repeat(150); // 300 chars of newspaper emoji, no space anywhere
        String teaser = ArticleTeaser.of(null, word);
        assertTrue(teaser.length() <= ArticleTeaser.LIMIT && teaser.endsWith("\u2026"), teaser);
        assertTrue(Character.isLowSurrogate(teaser.charAt(teaser.length() - 2)), "ends after a whole emoji");
    }
}
