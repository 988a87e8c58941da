package dateline.media;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public renditions of media items. A rendition URL never changes what it shows (the focal point is fixed
 * at upload, the metadata is not in the pixels), so it is cached for a year as immutable; the response
 * cache in front of the JSON API leaves these alone (HttpCaching), they are files already.
 */
@Path("/api/v1/media")
@Tag(name = "Media", description = "Renditions of images in the media library")
public class MediaResource {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final Renditions renditions;

    MediaResource(Renditions renditions) {
        this.renditions = renditions;
    }

    @GET
    @Path("{id}/{width: [0-9]+}.{format: [a-z]+}")
    @Produces({"image/jpeg", "image/webp"})
    @Operation(summary = "Get a rendition of an image: a configured width, JPEG or WebP, optionally cropped to a ratio")
    @APIResponse(responseCode = "200", description = "The rendition, without any of the original's metadata",
            headers = {@Header(name = "ETag", description = "Strong: a digest of the bytes", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = IMMUTABLE, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Surrogate-Key", description = "media-<id>: purged when the item is deleted",
                            schema = @Schema(type = SchemaType.STRING))},
            content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "304", description = "If-None-Match names the rendition's ETag")
    @APIResponse(responseCode = "503", description = "Every renderer stayed busy for 20 s; retry",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response getRendition(
            @Parameter(description = "The media item", example = "6b1f0c2e-8a7d-4d3e-9f21-5c4b3a291e07") @PathParam("id") UUID id,
            @Parameter(description = "One of the configured widths (by default 320, 640, 960, 1280, 1920); never enlarged past the original",
                    example = "640") @PathParam("width") int width,
            @Parameter(description = "jpg or webp", example = "webp") @PathParam("format") String format,
            @Parameter(description = "Crop to this aspect ratio around the focal point: one of the configured ratios"
                    + " (by default 16:9, 4:3, 3:2, 1:1)", example = "16:9") @QueryParam("ratio") String ratio,
            @Parameter(description = "An ETag from an earlier answer", example = "\"9f2c…\"") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Renditions.Choice choice = renditions.choose(width, format, ratio); // 400 before the item is looked up
        Renditions.Rendition r = renditions.get(Renditions.item(id), choice);
        // A plain Response: binary bodies are documented by @APIResponse above, and Quarkus REST wrote the byte[]
        // of a RestResponse<byte[]> with toString() here (its writer is chosen for the declared type).
        Response.ResponseBuilder response = ifNoneMatch != null && (ifNoneMatch.contains(r.etag()) || ifNoneMatch.strip().equals("*"))
                ? Response.notModified()
                : Response.ok(r.bytes(), r.mediaType());
        return response.header(HttpHeaders.ETAG, r.etag()).header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                .header("Surrogate-Key", "dateline media-" + id).build();
    }
}
