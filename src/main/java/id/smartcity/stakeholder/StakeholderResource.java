package id.smartcity.stakeholder;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.MergePatch;
import id.smartcity.platform.http.PageParams;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Params;
import id.smartcity.platform.idempotency.Idempotent;
import id.smartcity.platform.openapi.PageSchema;
import id.smartcity.platform.security.PersonalData;
import id.smartcity.platform.security.Roles;
import id.smartcity.stakeholder.api.StakeholderRequest;
import id.smartcity.stakeholder.api.StakeholderResponse;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Idempotent
@Path("/regions/{regionCode}/stakeholders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
@Tag(name = "Stakeholders", description = "Agencies (OPD), academics, ICT community and others, grouped by dimension")
public class StakeholderResource {

    static final int CSV_MAX_ROWS = 10_000;
    private static final Map<String, String> SORTABLE =
            PageRequest.sortable("name", "kind", "organisation", "createdAt");

    @Inject
    StakeholderService service;

    @Inject
    StakeholderMapper mapper;

    @Inject
    PersonalData personalData;

    @PathParam("regionCode")
    String regionCode;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            operationId = "listStakeholders",
            summary = "List the region's stakeholders",
            description = "Sort fields: name (default), kind, organisation, createdAt. With Accept: text/csv, the"
                    + " same page as CSV when limit is given, else every match from offset on (at most 10,000). Email and phone only for admin, coordinator and"
                    + " contributor, in JSON and CSV alike.")
    @APIResponse(
            responseCode = "200",
            description = "The stakeholders",
            content = @Content(schema = @Schema(implementation = StakeholderPage.class)))
    public Response list(
            @BeanParam PageParams params,
            @QueryParam("dimension") @Parameter(schema = @Schema(implementation = DimensionCode.class))
                    String dimension,
            @QueryParam("kind") @Parameter(schema = @Schema(implementation = StakeholderKind.class)) String kind,
            @QueryParam("active") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String active,
            @QueryParam("q")
                    @Parameter(
                            description = "Part of the name or organisation; case and accents ignored",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
                    String q,
            HttpHeaders headers) {
        StakeholderFilter filter = new StakeholderFilter(
                Params.enumValue("dimension", dimension, DimensionCode.class),
                Params.enumValue("kind", kind, StakeholderKind.class),
                Params.bool("active", active),
                Params.text("q", q, 100));
        PageRequest page = PageRequest.of(params, SORTABLE, "name", "id");
        boolean personal = personalData.visible();
        return Csv.negotiated(
                headers,
                "stakeholders-" + regionCode + ".csv",
                () -> StakeholderCsv.body(
                        service.export(regionCode, filter, page, page.exportRows(params, CSV_MAX_ROWS), personal),
                        personal),
                () -> service.list(regionCode, filter, page, personal));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getStakeholder", summary = "Get one stakeholder")
    @APIResponse(responseCode = "200", description = "The stakeholder")
    public RestResponse<StakeholderResponse> get(
            @PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Stakeholder s = service.find(regionCode, id);
        return ETags.ok(mapper.toResponse(s, personalData.visible()), personalData.tag(s.version), ifNoneMatch);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createStakeholder", summary = "Add a stakeholder to the region")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = StakeholderResponse.class)))
    @APIResponse(responseCode = "409", description = "A dimension named as LEAD already has a lead in the region")
    public RestResponse<StakeholderResponse> create(@NotNull @Valid StakeholderRequest request, UriInfo uri) {
        Stakeholder s = service.create(regionCode, request);
        return ETags.created(
                uri.getAbsolutePathBuilder().path(s.id.toString()).build(),
                mapper.toResponse(s, personalData.visible()),
                s.version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceStakeholder",
            summary = "Replace a stakeholder's fields",
            description =
                    "Every field as sent; active is kept when left out. Changing active needs coordinator or admin.")
    @APIResponse(responseCode = "200", description = "The stakeholder")
    @APIResponse(responseCode = "409", description = "A dimension named as LEAD already has a lead in the region")
    public RestResponse<StakeholderResponse> replace(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid StakeholderRequest request) {
        Stakeholder s = service.replace(regionCode, id, ifMatch, request);
        return ETags.ok(mapper.toResponse(s, personalData.visible()), s.version, null);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Operation(
            operationId = "updateStakeholder",
            summary = "Change some of a stakeholder's fields",
            description = "JSON Merge Patch of StakeholderRequest. Setting active to false archives the stakeholder"
                    + " (coordinator or admin).")
    @RequestBody(content = @Content(schema = @Schema(implementation = StakeholderRequest.class)))
    @APIResponse(responseCode = "200", description = "The stakeholder")
    @APIResponse(responseCode = "409", description = "A dimension named as LEAD already has a lead in the region")
    public RestResponse<StakeholderResponse> patch(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        Stakeholder s = service.patch(regionCode, id, ifMatch, patch);
        return ETags.ok(mapper.toResponse(s, personalData.visible()), s.version, null);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR})
    @Operation(
            operationId = "deleteStakeholder",
            summary = "Delete a stakeholder nothing refers to",
            description =
                    "A stakeholder that an FGD session or a quick win refers to is never deleted (409): archive it instead.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Referenced: archive it instead")
    public void delete(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version to delete") String ifMatch) {
        service.delete(regionCode, id, ifMatch);
    }

    /** The JSON list's schema (a named page type for the contract). */
    @Schema(name = "StakeholderPage")
    static final class StakeholderPage extends PageSchema<StakeholderResponse> {}
}
