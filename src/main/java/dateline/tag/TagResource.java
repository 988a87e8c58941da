package dateline.tag;

import dateline.common.term.TermReadResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public, read-only tags: the operations are {@link TermReadResource}'s. */
@Path("/api/v1/tags")
@Tag(name = "Tags", description = "Topic labels")
public class TagResource extends TermReadResource<dateline.tag.Tag, TagView> {
    TagResource(TagCatalog tags) {
        super(tags, TagView::from);
    }
}
