package dateline.sync;

import dateline.common.page.Cursors;
import dateline.common.problem.InvalidParameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The sync API for apps that keep articles offline: a first sync pages through every live article, then
 * each later sync returns only what changed since its token, deletions included, each article once, in the
 * order the changes committed.
 */
@Path("/api/v1/sync")
@Tag(name = "Sync", description = "Offline copies: every live article once, then only what changed, deletions included")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {
    private final SyncReader reader;
    private final Cursors cursors;

    SyncResource(SyncReader reader, Cursors cursors) {
        this.reader = reader;
        this.cursors = cursors;
    }

    @GET
    @Operation(operationId = "sync", summary = "Sync: start without a token, then pass back nextPageToken or nextSyncToken",
            description = "Without token: a first sync, pages of every live article (headlines, or whole articles with"
                    + " full=true), optionally only a section, tag or locale. With the nextPageToken of an answer: its next"
                    + " page. With the nextSyncToken: what changed since, in commit order, each article once: items to store"
                    + " and deletions with their reason. A token is opaque and signed; a tampered one is a 400 invalid-cursor,"
                    + " and one older than the changes kept (DATELINE_SYNC_RETENTION) a 400 sync-token-expired: start over.")
    public RestResponse<SyncPage> sync(
            @QueryParam("token") @Parameter(description = "nextPageToken or nextSyncToken of the previous answer") String token,
            @QueryParam("full") @DefaultValue("false") @Parameter(description = "Whole articles instead of headlines (first sync only)")
            boolean full,
            @QueryParam("section") @Parameter(description = "Only this section (slug; first sync only)", example = "world") String section,
            @QueryParam("tag") @Parameter(description = "Only this tag (slug; first sync only)", example = "azerbaijan") String tag,
            @QueryParam("locale") @Parameter(description = "Only this language (first sync only)", example = "en") String locale,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) @Parameter(description = "Changes per page (1-500)") int limit) {
        SyncToken position;
        if (token == null) {
            position = SyncToken.start(full, section, tag, locale).at(0, reader.newest());
        } else {
            if (full || section != null || tag != null || locale != null) {
                throw new InvalidParameter("token", "A sync keeps the shape and filters it started with; send the token alone.");
            }
            position = SyncToken.decode(token, cursors);
        }
        SyncPage page = reader.read(position, limit, t -> t.encode(cursors));
        // Each answer belongs to one client's position: no shared cache may keep it.
        return RestResponse.ResponseBuilder.ok(page).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
