package dateline.edit;

/**
 * What a write says about itself, free of HTTP: who makes it ({@code actor}, a token's name or the name
 * of one of Dateline's own writers), whether that caller may change only its own drafts (an AUTHOR), why
 * ({@code summary}, recorded in the revision) and which version it edited ({@code ifMatch}, the ETag
 * list as sent, or null).
 */
public record Edit(String actor, boolean ownDraftsOnly, String summary, String ifMatch) {

    /** A write Dateline makes by itself (scheduler, import, demo), recorded under that name. */
    public static Edit by(String actor) {
        return new Edit(actor, false, null, null);
    }

    public String summaryOr(String fallback) {
        return summary == null || summary.isBlank() ? fallback : summary;
    }
}
