package dateline.common.openapi;

import dateline.common.problem.ProblemType;
import java.util.Map;

/**
 * The 409 problems an operation can answer, named on the operation in one line and described once here:
 * {@code @Extension(name = Conflicts.NAMED, value = Conflicts.SLUG_TAKEN + " " + Conflicts.IN_TRASH)}.
 * {@link ProblemResponses} turns the names into the operation's 409 response, listing the problem type a
 * client can branch on for each, and drops the extension from the contract.
 */
public final class Conflicts {
    public static final String NAMED = "x-dateline-conflicts";
    public static final String SLUG_TAKEN = "slug-taken";
    public static final String IN_TRASH = "in-trash";
    public static final String ILLEGAL_TRANSITION = "illegal-transition";
    public static final String IN_USE = "in-use";
    public static final String CURRENT_SLUG = "current-slug";
    public static final String TRANSLATION_EXISTS = "translation-exists";
    public static final String MEDIA_IN_USE = "media-in-use";

    private static final Map<String, String> DESCRIBED = Map.of(
            SLUG_TAKEN, ProblemType.SLUG_TAKEN.uri() + ": another article or term has the slug (for an article, also one another"
                    + " article once had, whose id the problem's articleId gives)",
            IN_TRASH, ProblemType.ILLEGAL_TRANSITION.uri() + ": the article is in the trash; restore it first",
            ILLEGAL_TRANSITION, ProblemType.ILLEGAL_TRANSITION.uri() + ": the article's state does not allow this; the problem's"
                    + " currentStatus names it",
            IN_USE, ProblemType.IN_USE.uri() + ": articles still use it and no reassignTo was given; the problem's usage counts them",
            CURRENT_SLUG, ProblemType.CONFLICT.uri() + ": it is the article's current slug; change the slug before releasing it",
            TRANSLATION_EXISTS, ProblemType.TRANSLATION_EXISTS.uri() + ": the translation group already has an article in this"
                    + " locale, whose id the problem's articleId gives",
            MEDIA_IN_USE, ProblemType.IN_USE.uri() + ": articles show the image (as lead image or in the body); the problem's"
                    + " usage counts them");

    private Conflicts() {
    }

    /** The description of a 409 for these names (space-separated), or an error naming one that is unknown. */
    static String describe(String names) {
        StringBuilder text = new StringBuilder("A conflict with the current state");
        for (String name : names.trim().split("\\s+")) {
            String described = DESCRIBED.get(name);
            if (described == null) {
                throw new IllegalArgumentException("No conflict is named '" + name + "'");
            }
            text.append(text.indexOf(": ") < 0 ? ". " : "; ").append(described);
        }
        return text.toString();
    }
}
