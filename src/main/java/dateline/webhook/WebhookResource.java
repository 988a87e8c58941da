package dateline.webhook;

import dateline.common.page.Page;
import dateline.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Admins' API for webhooks and their delivery log. */
@Path("/api/v1/manage/webhooks")
@Tag(name = "Manage webhooks", description = "Subscribe receivers to article events, signed per the Standard Webhooks specification (ADMIN)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class WebhookResource {
    private final WebhookService webhooks;

    WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Operation(summary = "Subscribe a receiver to events; the answer holds the signing secret, shown this once")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedWebhook.class)))
    public RestResponse<CreatedWebhook> createWebhook(@Valid @NotNull WebhookInput in) {
        CreatedWebhook created = webhooks.create(in);
        return RestResponse.ResponseBuilder.<CreatedWebhook>created(URI.create("/api/v1/manage/webhooks/" + created.webhook().id()))
                .entity(created).build();
    }

    @GET
    @Operation(summary = "List webhooks, without their secrets")
    public List<WebhookView> listWebhooks() {
        return webhooks.list();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a webhook, without its secret")
    public WebhookView getWebhook(@PathParam("id") UUID id) {
        return webhooks.get(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a webhook's URL, events and active flag; a given secret replaces the old one")
    public WebhookView replaceWebhook(@PathParam("id") UUID id, @Valid @NotNull WebhookInput in) {
        return webhooks.replace(id, in);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a webhook and its delivery log; pending deliveries are dropped")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteWebhook(@PathParam("id") UUID id) {
        webhooks.delete(id);
    }

    @POST
    @Path("{id}/test")
    @Consumes(MediaType.WILDCARD) // takes no body
    @Operation(summary = "Queue a webhook.test event for this webhook; it is sent like any other")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    public RestResponse<DeliveryView> testWebhook(@PathParam("id") UUID id) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, webhooks.test(id)).build();
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Consumes(MediaType.WILDCARD) // takes no body
    @Operation(summary = "Send a delivery again (a FAILED one, typically), with a fresh retry window and the same webhook-id")
    public DeliveryView redeliverWebhookDelivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return webhooks.redeliver(id, deliveryId);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The webhook's newest deliveries: status, attempts, last status code, latency and error")
    public Page<DeliveryView> listWebhookDeliveries(@PathParam("id") UUID id,
            @Parameter(description = "Items per page (1-100)") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor from page.next of the previous page") @QueryParam("cursor") String cursor) {
        return webhooks.deliveries(id, cursor, limit);
    }
}
