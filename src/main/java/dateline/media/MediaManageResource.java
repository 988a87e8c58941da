package dateline.media;

import dateline.common.page.Cursors;
import dateline.common.page.Page;
import dateline.common.text.PlainText;
import dateline.edit.EditHeaders;
import dateline.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The media library for editors: upload, list, read, describe anew, delete. */
@Path("/api/v1/manage/media")
@Tag(name = "Manage media", description = "Upload images with their credit and caption; list, describe and delete them")
public class MediaManageResource {
    private static final String BEARER = "bearerToken";
    private static final String PROBLEM = "application/problem+json";
    private static final String LIST = "media";

    private final MediaService media;
    private final MediaLinks links;
    private final Cursors cursors;

    MediaManageResource(MediaService media, MediaLinks links, Cursors cursors) {
        this.media = media;
        this.links = links;
        this.cursors = cursors;
    }

    @POST
    @Consumes({"image/*", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upload an image (JPEG, PNG, GIF or WebP) as the raw body, with its metadata as parameters")
    @RequestBody(required = true, description = "The image's bytes; its type is judged from them, not from Content-Type",
            content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/gif", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Stored; Location names the new item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaManageView.class)))
    @APIResponse(responseCode = "413", description = "Larger than dateline.media.max-upload-size (20 MiB by default)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "415", description = "urn:dateline:problem:unsupported-image: not a JPEG, PNG, GIF or WebP by its"
            + " bytes (SVG, AVIF, HEIF and anything else are refused)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "422", description = "urn:dateline:problem:invalid-image: truncated, damaged, with something appended"
            + " or markup inside (polyglot); urn:dateline:problem:image-too-large: more pixels than allowed (width, height,"
            + " maxPixels, maxSide say how many), refused from the header before decoding; or a metadata parameter breaks a rule",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @RolesAllowed(Role.Names.AUTHOR)
    @SecurityRequirement(name = BEARER, scopes = Role.Names.AUTHOR)
    public RestResponse<MediaManageView> uploadMedia(byte[] image,
            @Parameter(description = "Alternative text", example = "Mikhail Gusman at a TASS briefing")
            @QueryParam("alt") @PlainText @Size(max = 1000) String alt,
            @Parameter(description = "Caption", example = "Mikhail Gusman in Moscow, 2019.")
            @QueryParam("caption") @PlainText @Size(max = 2000) String caption,
            @Parameter(description = "Credit, as it must be printed", example = "Photo: Jane Doe / Agency")
            @QueryParam("credit") @PlainText @Size(max = 300) String credit,
            @Parameter(description = "Copyright holder", example = "Agency Ltd")
            @QueryParam("copyrightHolder") @PlainText @Size(max = 300) String copyrightHolder,
            @Parameter(description = "Where the image came from", example = "Agency wire")
            @QueryParam("source") @PlainText @Size(max = 300) String source,
            @Parameter(description = "Focal point crops keep in view: x,y as fractions from the top left; the centre when absent."
                    + " Fixed for the item's life, since rendition URLs are immutable", example = "0.5,0.3")
            @QueryParam("focus") @Size(max = 50) String focus,
            @Valid @BeanParam EditHeaders edit) {
        Focus point = Focus.parse(focus); // 400 before the bytes are looked at
        MediaManageView created = media.upload(image == null ? new byte[0] : image,
                new MediaMetadata(alt, caption, credit, copyrightHolder, source), point, edit.toEdit());
        return RestResponse.ResponseBuilder.<MediaManageView>created(URI.create("/api/v1/manage/media/" + created.id()))
                .entity(created).build();
    }

    @GET
    @Operation(summary = "List the media library, newest first")
    @SecurityRequirement(name = BEARER, scopes = Role.Names.VIEWER)
    public Page<MediaManageView> listMedia(
            @Parameter(description = "Items per page (1-100)") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor from page.next of the previous page") @QueryParam("cursor") String cursor) {
        List<MediaItem> rows;
        if (cursor == null) {
            rows = MediaItem.find("order by createdAt desc, id desc").page(0, limit + 1).list();
        } else {
            List<String> after = cursors.decode(LIST, cursor, 2);
            rows = MediaItem.find("createdAt < ?1 or (createdAt = ?1 and id < ?2) order by createdAt desc, id desc",
                    cursors.instant(after.get(0)), cursors.uuid(after.get(1))).page(0, limit + 1).list();
        }
        return Page.of(rows, limit, last -> cursors.encode(LIST, List.of(last.createdAt.toString(), last.id.toString())))
                .map(m -> MediaManageView.from(m, links));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a media item by id")
    @SecurityRequirement(name = BEARER, scopes = Role.Names.VIEWER)
    public MediaManageView getMedia(@PathParam("id") UUID id) {
        return MediaManageView.from(MediaService.find(id), links);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace an image's metadata (alt, caption, credit, copyright holder, source); articles showing it are refreshed")
    @RolesAllowed(Role.Names.EDITOR)
    @SecurityRequirement(name = BEARER, scopes = Role.Names.EDITOR)
    public MediaManageView updateMedia(@PathParam("id") UUID id, @Valid @NotNull MediaMetadata metadata) {
        return media.describe(id, metadata);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an image no article uses")
    @APIResponse(responseCode = "204", description = "Deleted, with its renditions")
    @Extension(name = dateline.common.openapi.Conflicts.NAMED, value = dateline.common.openapi.Conflicts.MEDIA_IN_USE)
    @RolesAllowed(Role.Names.EDITOR)
    @SecurityRequirement(name = BEARER, scopes = Role.Names.EDITOR)
    public void deleteMedia(@PathParam("id") UUID id) {
        media.delete(id);
    }
}
