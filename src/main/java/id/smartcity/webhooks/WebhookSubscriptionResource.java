package id.smartcity.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.MergePatch;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageParams;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.idempotency.Idempotent;
import id.smartcity.platform.openapi.PageSchema;
import id.smartcity.platform.security.Roles;
import id.smartcity.webhooks.api.WebhookDeliveryResponse;
import id.smartcity.webhooks.api.WebhookSubscriptionRequest;
import id.smartcity.webhooks.api.WebhookSubscriptionResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Idempotent
@Path("/webhook-subscriptions")
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Webhooks",
        description = "Change events pushed to integrating systems (admins, and service accounts for themselves)")
public class WebhookSubscriptionResource {

    private static final Map<String, String> SORTABLE = PageRequest.sortable("createdAt", "targetUrl");
    private static final Map<String, String> DELIVERY_SORTABLE = PageRequest.sortable("attemptedAt");

    @Inject
    WebhookSubscriptionService service;

    @GET
    @Operation(
            operationId = "listWebhookSubscriptions",
            summary = "List webhook subscriptions",
            description = "An admin sees every subscription, a service account its own. Sort fields: createdAt"
                    + " (default), targetUrl.")
    @APIResponse(
            responseCode = "200",
            description = "The subscriptions",
            content = @Content(schema = @Schema(implementation = WebhookSubscriptionPage.class)))
    public Page<WebhookSubscriptionResponse> list(@BeanParam PageParams params) {
        return service.list(PageRequest.of(params, SORTABLE, "createdAt", "id"));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhookSubscription", summary = "Get one webhook subscription (never its secret)")
    @APIResponse(
            responseCode = "200",
            description = "The subscription",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = WebhookSubscriptionResponse.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    public RestResponse<WebhookSubscriptionResponse> get(
            @PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        WebhookSubscription s = service.find(id);
        return ETags.ok(WebhookMapper.toResponse(s, null), s.version, ifNoneMatch);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createWebhookSubscription",
            summary = "Subscribe a URL to change events",
            description = "Delivery starts with the events after now. The answer carries the signing secret"
                    + " (whsec_…) once: it is never shown again. src/docs/changes.md describes deliveries.")
    @APIResponse(
            responseCode = "201",
            description = "Created, with the secret",
            headers = {
                @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))
            },
            content = @Content(schema = @Schema(implementation = WebhookSubscriptionResponse.class)))
    @APIResponse(responseCode = "422", description = "targetUrl resolves to a private or reserved address")
    public RestResponse<WebhookSubscriptionResponse> create(@NotNull WebhookSubscriptionRequest request, UriInfo uri) {
        WebhookSubscriptionService.WithSecret created = service.create(request);
        WebhookSubscription s = created.subscription();
        return ETags.created(
                uri.getAbsolutePathBuilder().path(s.id.toString()).build(),
                WebhookMapper.toResponse(s, created.secret()),
                s.version);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "updateWebhookSubscription",
            summary = "Change a subscription's targetUrl, eventTypes, regionCodes or active",
            description = "JSON Merge Patch of WebhookSubscriptionRequest.")
    @RequestBody(content = @Content(schema = @Schema(implementation = WebhookSubscriptionRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The subscription",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = WebhookSubscriptionResponse.class)))
    @APIResponse(responseCode = "422", description = "targetUrl resolves to a private or reserved address")
    public RestResponse<WebhookSubscriptionResponse> patch(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        WebhookSubscription s = service.patch(id, ifMatch, patch);
        return ETags.ok(WebhookMapper.toResponse(s, null), s.version, null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhookSubscription", summary = "Delete a subscription and its delivery log")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version to delete") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Replace the signing secret",
            description = "The new secret is in this answer only. For 24 h deliveries are signed with the new and"
                    + " the previous secret.")
    @APIResponse(
            responseCode = "200",
            description = "The subscription, with its new secret",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = WebhookSubscriptionResponse.class)))
    public RestResponse<WebhookSubscriptionResponse> rotateSecret(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        WebhookSubscriptionService.WithSecret rotated = service.rotateSecret(id, ifMatch);
        return ETags.ok(
                WebhookMapper.toResponse(rotated.subscription(), rotated.secret()),
                rotated.subscription().version,
                null);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "The subscription's delivery attempts, newest first",
            description = "Sort field: attemptedAt (default -attemptedAt).")
    @APIResponse(
            responseCode = "200",
            description = "The attempts",
            content = @Content(schema = @Schema(implementation = WebhookDeliveryPage.class)))
    public Page<WebhookDeliveryResponse> deliveries(@PathParam("id") UUID id, @BeanParam PageParams params) {
        return service.deliveries(id, PageRequest.of(params, DELIVERY_SORTABLE, "-attemptedAt", "id"));
    }

    @POST
    @Path("/{id}/ping")
    @Operation(
            operationId = "pingWebhookSubscription",
            summary = "Deliver a webhook.ping event now and answer how it went",
            description = "Signed like every delivery; the subscription's cursor does not move.")
    @APIResponse(responseCode = "200", description = "The attempt (success false when the receiver did not answer 2xx)")
    public WebhookDeliveryResponse ping(@PathParam("id") UUID id) {
        return service.ping(id);
    }

    @Schema(name = "WebhookSubscriptionPage")
    static final class WebhookSubscriptionPage extends PageSchema<WebhookSubscriptionResponse> {}

    @Schema(name = "WebhookDeliveryPage")
    static final class WebhookDeliveryPage extends PageSchema<WebhookDeliveryResponse> {}
}
