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
 * The headers every management write may send about itself, so bodies stay pure content, and the caller's
 * token, which names the revision's actor and decides what an AUTHOR may touch. Read at the resource and
 * handed on as an {@link Edit}: services never see HTTP.
 */
public class EditHeaders {
    @HeaderParam("If-Match")
    @Parameter(description = "ETag of the version being edited (from GET). Required by PUT, PATCH and DELETE; honoured by the other writes.",
            example = "\"3\"")
    @Size(max = 200)
    public String ifMatch;

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
                summary == null || summary.isBlank() ? null : decode(summary), ifMatch);
    }

    private static String decode(String header) {
        try {
            return URLDecoder.decode(header.strip(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header.strip(); // not percent-encoded after all: keep it as sent
        }
    }
}
