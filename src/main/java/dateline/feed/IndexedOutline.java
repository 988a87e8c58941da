package dateline.feed;

import dateline.article.ArticleOutline;
import java.time.Instant;

/**
 * What related headlines need of the article they sit under, as the {@link RelatedIndex} holds it for every
 * delivered or scheduled article under its current slug: an article's related list then costs no statement
 * to find the article it belongs to.
 */
record IndexedOutline(String slug, Instant liveAt, ArticleOutline outline) {
}
