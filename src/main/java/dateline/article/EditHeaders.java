package dateline.article;

import jakarta.validation.constraints.Size;
import dateline.common.problem.ProblemException;
import dateline.common.problem.ProblemType;
import dateline.security.Role;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What every management write of an article may say about itself, in headers so bodies stay pure content,
 * and who sends it: the caller's token, which names the revision's actor and decides what an AUTHOR may touch.
 */
public class EditHeaders {
    @HeaderParam("If-Match")
    @Parameter(description = "ETag of the version being edited (from GET). Required by PUT, PATCH and DELETE; honoured by the other writes.",
            example = "\"3\"")
    @Size(max = 200)
    public String ifMatch;

    /** Who makes the change: the caller's token, never a header the client could set to anything. */
    @Context
    SecurityContext security;

    /** The actor of writes Dateline makes by itself (scheduler, import), which no request carries. */
    public String actor;

    @HeaderParam("X-Change-Summary")
    @Parameter(description = "Why, recorded in the revision; percent-encode non-ASCII text", example = "Fixed%20the%20headline")
    @Size(max = 500)
    public String summary;

    /** A write Dateline makes by itself (scheduler, import), recorded under that name. */
    public static EditHeaders by(String actor) {
        EditHeaders edit = new EditHeaders();
        edit.actor = actor;
        return edit;
    }

    /**
     * The same edit with its caller's name written down, for work that outlives the request's context (an
     * import's writer threads). Only for callers whose role lets them change any article.
     */
    EditHeaders resolved() {
        EditHeaders edit = by(actorOrSystem());
        edit.ifMatch = ifMatch;
        edit.summary = summary;
        return edit;
    }

    /** A caller's token, or a name Dateline gave its own writer. */
    boolean hasActor() {
        return (security != null && security.getUserPrincipal() != null) || (actor != null && !actor.isBlank());
    }

    String actorOrSystem() {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal != null) {
            return principal.getName();
        }
        return actor == null || actor.isBlank() ? "system" : actor;
    }

    /**
     * An AUTHOR (a token with no EDITOR role) may change only drafts it created; stronger roles and
     * Dateline's own writers may change any article.
     */
    void checkMayChange(Article article) {
        if (security == null || security.getUserPrincipal() == null || security.isUserInRole(Role.Names.EDITOR)) {
            return;
        }
        if (!actorOrSystem().equals(article.createdBy)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "An author may only change articles it created.");
        }
        if (article.status != ArticleStatus.DRAFT || article.trashedAt != null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "An author may only change drafts; this article is "
                    + (article.trashedAt != null ? "in the trash" : article.status) + ".");
        }
    }

    String summaryOr(String fallback) {
        return summary == null || summary.isBlank() ? fallback : decode(summary);
    }

    private static String decode(String header) {
        try {
            return URLDecoder.decode(header.strip(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header.strip(); // not percent-encoded after all: keep it as sent
        }
    }
}
