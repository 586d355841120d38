package id.smartcity.masterplan;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.masterplan.api.MasterplanRequest;
import id.smartcity.masterplan.api.MasterplanResponse;
import id.smartcity.masterplan.api.MasterplanTransitionRequest;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.MergePatch;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageParams;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Params;
import id.smartcity.platform.idempotency.Idempotent;
import id.smartcity.platform.openapi.PageSchema;
import id.smartcity.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Idempotent
@Path("/regions/{regionCode}/masterplans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
@Tag(
        name = "Masterplans",
        description = "Versions of the region's Smart City masterplan, their programs, diff and roadmap")
public class MasterplanResource {

    private static final Map<String, String> SORTABLE =
            PageRequest.sortable("number", "status", "startYear", "createdAt");

    @Inject
    MasterplanService service;

    @Inject
    MasterplanQueries queries;

    @PathParam("regionCode")
    String regionCode;

    @GET
    @Operation(
            operationId = "listMasterplans",
            summary = "List the region's masterplan versions",
            description = "Sort fields: number (default), status, startYear, createdAt.")
    @APIResponse(
            responseCode = "200",
            description = "The versions",
            content = @Content(schema = @Schema(implementation = MasterplanPage.class)))
    public Page<MasterplanResponse> list(
            @BeanParam PageParams params,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = MasterplanStatus.class)) String status) {
        MasterplanFilter filter = new MasterplanFilter(Params.enumValue("status", status, MasterplanStatus.class));
        return queries.page(regionCode, filter, PageRequest.of(params, SORTABLE, "number", "id"));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMasterplan", summary = "Get one masterplan version")
    @APIResponse(responseCode = "200", description = "The version")
    public RestResponse<MasterplanResponse> get(
            @PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Masterplan m = service.find(regionCode, id);
        return ETags.ok(queries.response(m), m.version, ifNoneMatch);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createMasterplan",
            summary = "Start a masterplan version as a DRAFT, optionally as a copy of another version",
            description = "The version gets the region's next number. With copyOf, the programs are copied too"
                    + " (each keeps its programKey) and absent fields are taken from the version copied.")
    @APIResponse(
            responseCode = "201",
            description = "Created, DRAFT",
            content = @Content(schema = @Schema(implementation = MasterplanResponse.class)))
    @APIResponse(
            responseCode = "422",
            description = "copyOf names no version of the region, or a copied program falls outside the new period")
    public RestResponse<MasterplanResponse> create(@NotNull @Valid MasterplanRequest request, UriInfo uri) {
        Masterplan m = service.create(regionCode, request);
        return ETags.created(
                uri.getAbsolutePathBuilder().path(m.id.toString()).build(), queries.response(m), m.version);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Operation(operationId = "updateMasterplan", summary = "Change some of a DRAFT version's fields")
    @RequestBody(content = @Content(schema = @Schema(implementation = MasterplanRequest.class)))
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "409", description = "Not a DRAFT: IN_REVIEW, or ENACTED/SUPERSEDED (immutable)")
    @APIResponse(responseCode = "422", description = "A new startYear puts a program outside its horizon")
    public RestResponse<MasterplanResponse> patch(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        Masterplan m = service.patch(regionCode, id, ifMatch, patch);
        return ETags.ok(queries.response(m), m.version, null);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "deleteMasterplan", summary = "Delete a DRAFT version with its programs")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Not a DRAFT")
    public void delete(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version") String ifMatch) {
        service.delete(regionCode, id, ifMatch);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "transitionMasterplan",
            summary = "Move a masterplan version through its workflow",
            description = "DRAFT → IN_REVIEW (submit); IN_REVIEW → DRAFT (send back, reason required) or ENACTED"
                    + " (regulationNumber and regulationDate required). Enacting marks the region's previously"
                    + " ENACTED version SUPERSEDED. Anything else is 409 and the problem lists the allowed moves.")
    @APIResponse(responseCode = "200", description = "The version in its new status")
    @APIResponse(responseCode = "409", description = "Not allowed from the current status; allowed lists what is")
    @APIResponse(responseCode = "422", description = "A reason or the regulation is missing")
    public RestResponse<MasterplanResponse> transition(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid MasterplanTransitionRequest request) {
        Masterplan m = service.transition(regionCode, id, ifMatch, request);
        return ETags.ok(queries.response(m), m.version, null);
    }

    /** The list's schema (a named page type for the contract). */
    @Schema(name = "MasterplanPage")
    static final class MasterplanPage extends PageSchema<MasterplanResponse> {}
}
