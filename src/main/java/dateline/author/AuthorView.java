package dateline.author;

import dateline.common.http.SurrogateKeys;
import dateline.common.term.TermView;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as the API shows them. */
@Schema(name = "Author")
public record AuthorView(
        @Schema(examples = "0d0f3a8e-8f0e-4c55-b0f4-7d7b2a9d6e21") UUID id,
        @Schema(examples = "jane-doe") String slug,
        @Schema(examples = "Jane Doe") String name,
        @Schema(examples = "Caucasus correspondent based in Tbilisi.", nullable = true) String bio) implements SurrogateKeys, TermView {

    static AuthorView from(Author author) {
        return new AuthorView(author.id, author.slug, author.name, author.bio);
    }

    @Override
    public java.util.List<String> surrogateKeys() {
        return java.util.List.of("author-" + slug);
    }
}
