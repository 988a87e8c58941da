package dateline.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dateline.common.http.DeliveryChanged;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which surrogate keys a change purges. */
class PurgeKeysTest {

    @Test
    void eachDependencyKeyBecomesTheSurrogateKeyResponsesCarry() {
        Set<String> keys = PurgeKeys.of(new DeliveryChanged(false, new LinkedHashSet<>(List.of(
                "article:5d3c", "translations:9a1f", "lists", "search", "word:tbilisi", "section:world", "tag:azerbaijan", "author:jane")), Set.of()));
        assertEquals(Set.of("article-5d3c", "translations-9a1f", "articles", "headlines", "feeds", "section-world", "tag-azerbaijan",
                "author-jane"), keys);
    }

    @Test
    void searchesAlonePurgeTheArticleList() {
        assertEquals(Set.of("articles"), PurgeKeys.of(new DeliveryChanged(false, Set.of("word:tbilisi", "search"), Set.of())));
    }

    @Test
    void everythingPurgesTheKeyEveryResponseCarries() {
        assertEquals(Set.of("dateline"), PurgeKeys.of(DeliveryChanged.ofEverything()));
        assertEquals(Set.of("dateline"), PurgeKeys.of(new DeliveryChanged(true, Set.of(), Set.of(Instant.EPOCH))));
    }

    @Test
    void aKeyOfAKindNotMappedYetPurgesEverythingRatherThanNothing() {
        assertEquals(Set.of("dateline"), PurgeKeys.of(new DeliveryChanged(false, Set.of("article:1", "edition:x"), Set.of())));
    }
}
