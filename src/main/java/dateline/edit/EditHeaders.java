package dateline.edit;

import dateline.security.Role;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What every management write may say about itself in headers, so bodies stay pure content (why:
 * {@code X-Change-Summary}), and the caller's token, which names the revision's actor and decides what an
 * AUTHOR may touch. Read at the resource and handed on as an {@link Edit}: services never see HTTP.
 * Writes of a versioned resource take {@link VersionedEditHeaders}, which add If-Match.
 */
public class EditHeaders {
    @HeaderParam("X-Change-Summary")
    @Parameter(description = "Why, recorded in the revision; percent-encode non-ASCII text", example = "Fixed%20the%20headline")
    @Size(max = 500)
    public String summary;

    /** Who makes the change: the caller's token, never a header the client could set to anything. */
    @Context
    SecurityContext security;

    public Edit toEdit() {
        Principal principal = security == null ? null : security.getUserPrincipal();
        // An AUTHOR is a token without the EDITOR role (roles include the weaker ones).
        boolean author = principal != null && !security.isUserInRole(Role.Names.EDITOR);
        return new Edit(principal != null ? principal.getName() : "system", author,
                summary == null || summary.isBlank() ? null : decode(summary), versionEdited());
    }

    /** The If-Match the write sent; none for writes that name no version. */
    protected String versionEdited() {
        return null;
    }

    private static String decode(String header) {
        try {
            return URLDecoder.decode(header.strip(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header.strip(); // not percent-encoded after all: keep it as sent
        }
    }
}
