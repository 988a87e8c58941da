package dateline.security;

import dateline.common.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Admins' API for the bearer tokens of the management API. */
@SecurityScheme(securitySchemeName = "bearerToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token, 'dl_<id>_<secret>', sent as 'Authorization: Bearer <token>'. "
                + "The scopes listed on an operation are the roles that may call it (each role includes the weaker ones).")
@Path("/api/v1/manage/tokens")
@Tag(name = "Manage tokens", description = "Issue, list and revoke API tokens (ADMIN)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class TokenResource {
    private final ApiTokens tokens;
    private final SecurityIdentity caller;

    TokenResource(ApiTokens tokens, SecurityIdentity caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Issue a token; the answer holds its secret, shown this once")
    @APIResponse(responseCode = "201", description = "Created; store the secret now, it cannot be read again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedToken.class)))
    public RestResponse<CreatedToken> createToken(@Valid @NotNull TokenInput in) {
        CreatedToken created = tokens.create(in, caller.getPrincipal().getName());
        return RestResponse.ResponseBuilder.<CreatedToken>created(URI.create("/api/v1/manage/tokens/" + created.token().id()))
                .entity(created).build();
    }

    @GET
    @Operation(summary = "List tokens, newest first, without their secrets")
    public List<TokenView> listTokens() {
        return tokens.list();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a token; its very next request is refused")
    @APIResponse(responseCode = "204", description = "Revoked (revoking twice changes nothing)")
    public void revokeToken(@PathParam("id") UUID id) {
        tokens.revoke(id);
    }
}
