package dateline.feed;

import dateline.article.ArticleOutline;
import dateline.article.Headline;
import java.time.Instant;

/**
 * What related headlines need of an article, as the {@link RelatedIndex} holds it for every delivered or
 * scheduled article: its outline, for the list it sits over, and its headline, for the lists it is listed
 * in. Neither then costs a statement per request.
 */
record IndexedOutline(Instant liveAt, ArticleOutline outline, Headline headline) {
    /** Its current slug, the one delivery shows it under. */
    String slug() {
        return headline.slug();
    }
}
