package dateline.article;

import dateline.common.problem.Conflict;
import dateline.common.problem.ProblemType;
import dateline.media.MediaDeleting;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Refuses to let a media item go while an article, in any state (a trashed one may be restored), shows it:
 * as its lead image, or in a body figure pointing at one of its renditions. As for sections, the editor
 * must first take it out of those articles.
 */
@ApplicationScoped
class ArticleMediaUse {

    void refuseWhileUsed(@Observes MediaDeleting deleting) {
        // Bodies are searched only on a delete, which is rare: no index of body images is kept for it.
        long usage = ((Number) Panache.getEntityManager().createNativeQuery(
                        "select count(*) from article where lead_media_id = ?1 or body like ?2")
                .setParameter(1, deleting.id()).setParameter(2, "%/api/v1/media/" + deleting.id() + "/%")
                .getSingleResult()).longValue();
        if (usage > 0) {
            throw new Conflict(ProblemType.IN_USE, "The media item " + deleting.id() + " is shown by " + usage
                    + " article(s), as lead image or in the body; take it out of them first.", Map.of("usage", usage));
        }
    }
}
