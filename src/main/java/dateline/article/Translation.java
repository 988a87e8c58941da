package dateline.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published article that tells the same story in another language, as its translations list names it. */
@Schema(name = "Translation", description = "A published translation: another article of the same translation group")
public record Translation(
        @Schema(description = "Its BCP 47 language tag", examples = "ru") String locale,
        @Schema(description = "Its slug: GET /api/v1/articles/{slug}", examples = "rossiya-uvolila-zamgendirektora-tass") String slug,
        @Schema(examples = "Россия уволила замгендиректора ТАСС Михаила Гусмана после визита в Азербайджан") String title) {
}
