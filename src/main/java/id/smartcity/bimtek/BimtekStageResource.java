package id.smartcity.bimtek;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.bimtek.api.BimtekStageRequest;
import id.smartcity.bimtek.api.BimtekStageResponse;
import id.smartcity.bimtek.api.BimtekTransitionRequest;
import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.MergePatch;
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
@Path("/regions/{regionCode}/bimtek-stages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
@Tag(name = "Bimtek stages", description = "The four Bimtek stages of a cohort year and the FGD sessions held in them")
public class BimtekStageResource {

    static final int CSV_MAX_ROWS = 10_000;
    private static final Map<String, String> SORTABLE = PageRequest.sortable("cohortYear", "stageNumber", "title");

    @Inject
    BimtekStageService service;

    @Inject
    BimtekStageQueries queries;

    @PathParam("regionCode")
    String regionCode;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            operationId = "listBimtekStages",
            summary = "List the region's Bimtek stages",
            description = "Sort fields: cohortYear, stageNumber (default: cohortYear,stageNumber), title. With Accept:"
                    + " text/csv, the same page as CSV when limit is given, else every match from offset on (at most"
                    + " 10,000).")
    @APIResponse(
            responseCode = "200",
            description = "The stages, each with its sessions and attendance totals",
            content = @Content(schema = @Schema(implementation = BimtekStagePage.class)))
    public Response list(
            @BeanParam PageParams params,
            @QueryParam("cohortYear")
                    @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "2017",
                                            maximum = "2100"))
                    String cohortYear,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = BimtekStatus.class)) String status,
            HttpHeaders headers) {
        BimtekStageFilter filter = new BimtekStageFilter(
                Params.integer("cohortYear", cohortYear, 2017, 2100),
                Params.enumValue("status", status, BimtekStatus.class));
        PageRequest page = PageRequest.of(params, SORTABLE, "cohortYear,stageNumber", "id");
        return Csv.negotiated(
                headers,
                "bimtek-stages-" + regionCode + ".csv",
                () -> BimtekCsv.body(queries.export(regionCode, filter, page, page.exportRows(params, CSV_MAX_ROWS))),
                () -> queries.page(regionCode, filter, page));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getBimtekStage", summary = "Get one Bimtek stage with its sessions and attendance")
    @APIResponse(responseCode = "200", description = "The stage")
    public RestResponse<BimtekStageResponse> get(
            @PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        BimtekStageResponse r = queries.response(service.find(regionCode, id));
        return ETags.ok(r, BimtekStageQueries.tag(r), ifNoneMatch);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createBimtekStage",
            summary = "Plan a Bimtek stage",
            description = "Without expectedOutputs, the stage number's default outputs.")
    @APIResponse(
            responseCode = "201",
            description = "Created, PLANNED",
            content = @Content(schema = @Schema(implementation = BimtekStageResponse.class)))
    @APIResponse(responseCode = "409", description = "The region already has this stage of the cohort year")
    @APIResponse(responseCode = "422", description = "A facilitator is not a stakeholder of this region")
    public RestResponse<BimtekStageResponse> create(@NotNull @Valid BimtekStageRequest request, UriInfo uri) {
        BimtekStageResponse r = queries.response(service.create(regionCode, request));
        return RestResponse.ResponseBuilder.<BimtekStageResponse>created(
                        uri.getAbsolutePathBuilder().path(r.id().toString()).build())
                .entity(r)
                .header("ETag", "\"" + BimtekStageQueries.tag(r) + "\"")
                .build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "updateBimtekStage", summary = "Change some of a PLANNED stage's details")
    @RequestBody(content = @Content(schema = @Schema(implementation = BimtekStageRequest.class)))
    @APIResponse(responseCode = "200", description = "The stage")
    @APIResponse(
            responseCode = "409",
            description = "The stage is no longer PLANNED, the stage number is taken, or sessions are linked to it")
    @APIResponse(responseCode = "422", description = "A facilitator is not a stakeholder of this region")
    public RestResponse<BimtekStageResponse> patch(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the representation the change is based on")
                    String ifMatch,
            JsonNode patch) {
        return tagged(queries.response(service.patch(regionCode, id, ifMatch, patch)));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "transitionBimtekStage",
            summary = "Mark a stage HELD or CANCELLED, with a reason",
            description = "PLANNED → HELD needs its last day not in the future and at least one HELD FGD session;"
                    + " PLANNED → CANCELLED needs no HELD FGD session (422 otherwise, missing lists what). Any other"
                    + " move is 409 and the problem lists the allowed ones.")
    @APIResponse(responseCode = "200", description = "The stage in its new status")
    @APIResponse(responseCode = "409", description = "Not allowed from the current status; allowed lists what is")
    @APIResponse(responseCode = "422", description = "The rule of the new status is not met; missing lists what")
    public RestResponse<BimtekStageResponse> transition(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the representation the change is based on")
                    String ifMatch,
            @NotNull @Valid BimtekTransitionRequest request) {
        return tagged(queries.response(service.transition(regionCode, id, ifMatch, request)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "deleteBimtekStage", summary = "Delete a PLANNED stage that no FGD session is linked to")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The stage is not PLANNED, or FGD sessions are linked to it")
    public void delete(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the representation to delete") String ifMatch) {
        service.delete(regionCode, id, ifMatch);
    }

    private static RestResponse<BimtekStageResponse> tagged(BimtekStageResponse r) {
        return ETags.ok(r, BimtekStageQueries.tag(r), null);
    }

    /** The JSON list's schema (a named page type for the contract). */
    @Schema(name = "BimtekStagePage")
    static final class BimtekStagePage extends PageSchema<BimtekStageResponse> {}
}
