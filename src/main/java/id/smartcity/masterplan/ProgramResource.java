package id.smartcity.masterplan;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.dimension.DimensionCode;
import id.smartcity.masterplan.api.ProgramRequest;
import id.smartcity.masterplan.api.ProgramResponse;
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

/**
 * The programs of a masterplan version. Writes need admin, coordinator or contributor and a DRAFT
 * version (409 otherwise); each moves the version's ETag.
 */
@Idempotent
@Path("/regions/{regionCode}/masterplans/{id}/programs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
@Tag(name = "Masterplans")
public class ProgramResource {

    private static final Map<String, String> SORTABLE =
            PageRequest.sortable("title", "dimension", "startYear", "horizon");

    @Inject
    ProgramService service;

    @Inject
    MasterplanService masterplans;

    @Inject
    MasterplanQueries queries;

    @PathParam("regionCode")
    String regionCode;

    @PathParam("id")
    @Parameter(description = "The masterplan version's id")
    UUID id;

    @GET
    @Operation(
            operationId = "listPrograms",
            summary = "The version's programs",
            description = "Sort fields: dimension, startYear, horizon, title; default dimension,startYear,title.")
    @APIResponse(
            responseCode = "200",
            description = "The programs",
            content = @Content(schema = @Schema(implementation = ProgramPage.class)))
    public Page<ProgramResponse> list(
            @BeanParam PageParams params,
            @QueryParam("dimension") @Parameter(schema = @Schema(implementation = DimensionCode.class))
                    String dimension,
            @QueryParam("horizon") @Parameter(schema = @Schema(implementation = Horizon.class)) String horizon) {
        DimensionCode d = Params.enumValue("dimension", dimension, DimensionCode.class);
        Horizon h = Params.enumValue("horizon", horizon, Horizon.class);
        Masterplan m = masterplans.find(regionCode, id);
        return queries.programs(m, d, h, PageRequest.of(params, SORTABLE, "dimension,startYear,title", "id"));
    }

    @GET
    @Path("/{programId}")
    @Operation(operationId = "getProgram", summary = "Get one program")
    @APIResponse(responseCode = "200", description = "The program")
    public RestResponse<ProgramResponse> get(
            @PathParam("programId") UUID programId, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Program p = service.find(regionCode, id, programId);
        return ETags.ok(queries.response(p), p.version, ifNoneMatch);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createProgram",
            summary = "Add a program to a DRAFT version",
            description = "Years: SHORT within the plan's first 2 years, MEDIUM within its first 5, LONG within its"
                    + " 10; budget years and indicator targets within the program's years.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = ProgramResponse.class)))
    @APIResponse(responseCode = "409", description = "The version is not a DRAFT")
    @APIResponse(
            responseCode = "422",
            description = "An element of another dimension, years outside the horizon, references outside the"
                    + " region, or a quick win already linked")
    public RestResponse<ProgramResponse> create(@NotNull @Valid ProgramRequest request, UriInfo uri) {
        Program p = service.create(regionCode, id, request);
        return ETags.created(
                uri.getAbsolutePathBuilder().path(p.id.toString()).build(), queries.response(p), p.version);
    }

    @PATCH
    @Path("/{programId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Operation(operationId = "updateProgram", summary = "Change some of a program's fields")
    @RequestBody(content = @Content(schema = @Schema(implementation = ProgramRequest.class)))
    @APIResponse(responseCode = "200", description = "The program")
    @APIResponse(responseCode = "409", description = "The version is not a DRAFT")
    @APIResponse(responseCode = "422", description = "A rule of programs is broken; the field is named")
    public RestResponse<ProgramResponse> patch(
            @PathParam("programId") UUID programId,
            @HeaderParam("If-Match") @Parameter(description = "The program's ETag") String ifMatch,
            JsonNode patch) {
        Program p = service.patch(regionCode, id, programId, ifMatch, patch);
        return ETags.ok(queries.response(p), p.version, null);
    }

    @DELETE
    @Path("/{programId}")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Operation(operationId = "deleteProgram", summary = "Remove a program from a DRAFT version")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The version is not a DRAFT")
    public void delete(
            @PathParam("programId") UUID programId,
            @HeaderParam("If-Match") @Parameter(description = "The program's ETag") String ifMatch) {
        service.delete(regionCode, id, programId, ifMatch);
    }

    /** The list's schema (a named page type for the contract). */
    @Schema(name = "ProgramPage")
    static final class ProgramPage extends PageSchema<ProgramResponse> {}
}
