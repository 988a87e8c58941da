package dateline.common.slug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {
    @Test
    void titlesBecomeLowerCaseAsciiWordsJoinedByDashes() {
        assertEquals("russia-fires-tass-deputy-director", Slugs.fromTitle("Russia Fires TASS Deputy Director"));
        assertEquals("moscow-baku-relations", Slugs.fromTitle("Moscow-Baku Relations"));
        assertEquals("trump-and-putin-zelenskys-visit", Slugs.fromTitle("Trump and Putin: Zelensky\u2019s Visit?"));
    }

    @Test
    void diacriticsFoldAndOtherScriptsAreTransliterated() {
        assertEquals("cafe-naive-sao-paulo", Slugs.fromTitle("Café naïve São Paulo"));
        assertEquals("moskva", Slugs.fromTitle("Москва"));
        assertEquals("strasse", Slugs.fromTitle("Straße"));
        assertEquals("athena", Slugs.fromTitle("Αθήνα"));
    }

    @Test
    void slugsStopAtOneHundredTwentyCharactersOnAWordBoundary() {
        String slug = Slugs.fromTitle("word ".repeat(60));
        assertTrue(slug.length() <= 120 && !slug.endsWith("-"), slug);
        assertEquals(Slugs.MAX_LENGTH, Slugs.withSuffix("a".repeat(120), 12).length());
    }

    @Test
    void titlesWithoutLettersGiveNoSlug() {
        assertEquals("", Slugs.fromTitle("!!! ??? \u2014"));
    }

    @Test
    void validSlugsMatchThePattern() {
        assertTrue(Slugs.isValid("moscow-baku"));
        assertFalse(Slugs.isValid("Moscow Baku"));
        assertFalse(Slugs.isValid("-leading"));
        assertFalse(Slugs.isValid("double--dash"));
    }
}
