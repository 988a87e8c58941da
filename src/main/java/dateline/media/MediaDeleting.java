package dateline.media;

import java.util.UUID;

/**
 * A media item is about to be deleted, in the deleting transaction. Whoever uses media items (the article
 * feature: lead images and body figures) observes it and refuses, with a 409, while the item is still used;
 * the media package itself knows nothing of articles.
 */
public record MediaDeleting(UUID id) {
}
