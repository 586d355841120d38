package id.smartcity.fgd;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.dimension.DimensionCode;
import id.smartcity.fgd.api.FgdSessionRequest;
import id.smartcity.fgd.api.FgdSessionResponse;
import id.smartcity.fgd.api.FgdTransitionRequest;
import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.MergePatch;
import id.smartcity.platform.http.PageParams;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Params;
import id.smartcity.platform.idempotency.Idempotent;
import id.smartcity.platform.openapi.PageSchema;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
@Path("/regions/{regionCode}/fgd-sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
@Tag(name = "FGD sessions", description = "Focus Group Discussions, one per dimension and Bimtek stage")
public class FgdSessionResource {

    static final int CSV_MAX_ROWS = 10_000;
    private static final Map<String, String> SORTABLE =
            PageRequest.sortable("scheduledStart", "title", "bimtekStage", "dimension");

    @Inject
    FgdService service;

    @Inject
    FgdMapper mapper;

    @PathParam("regionCode")
    String regionCode;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            operationId = "listFgdSessions",
            summary = "List the region's FGD sessions",
            description = "Sort fields: scheduledStart (default), title, bimtekStage, dimension. from/to filter on"
                    + " scheduledStart (RFC 3339; to is exclusive). With Accept: text/csv, the same page as"
                    + " CSV when limit is given, else every match from offset on (at most 10,000).")
    @APIResponse(
            responseCode = "200",
            description = "The sessions",
            content = @Content(schema = @Schema(implementation = FgdSessionPage.class)))
    public Response list(
            @BeanParam PageParams params,
            @QueryParam("dimension") @Parameter(schema = @Schema(implementation = DimensionCode.class))
                    String dimension,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = FgdStatus.class)) String status,
            @QueryParam("stage")
                    @Parameter(
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "4"))
                    String stage,
            @QueryParam("from")
                    @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 35))
                    String from,
            @QueryParam("to")
                    @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 35))
                    String to,
            HttpHeaders headers) {
        FgdSessionFilter filter = new FgdSessionFilter(
                Params.enumValue("dimension", dimension, DimensionCode.class),
                Params.enumValue("status", status, FgdStatus.class),
                stage(stage),
                Params.time("from", from),
                Params.time("to", to));
        PageRequest page = PageRequest.of(params, SORTABLE, "scheduledStart", "id");
        return Csv.negotiated(
                headers,
                "fgd-sessions-" + regionCode + ".csv",
                () -> FgdCsv.body(service.export(regionCode, filter, page, page.exportRows(params, CSV_MAX_ROWS))),
                () -> service.page(regionCode, filter, page));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFgdSession", summary = "Get one FGD session")
    @APIResponse(responseCode = "200", description = "The session")
    public RestResponse<FgdSessionResponse> get(
            @PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        FgdSession s = service.find(regionCode, id);
        return ETags.ok(mapper.toResponse(s), s.version, ifNoneMatch);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createFgdSession", summary = "Plan an FGD session")
    @APIResponse(
            responseCode = "201",
            description = "Created, PLANNED",
            content = @Content(schema = @Schema(implementation = FgdSessionResponse.class)))
    @APIResponse(responseCode = "422", description = "The facilitator is not a stakeholder of this region")
    public RestResponse<FgdSessionResponse> create(@NotNull @Valid FgdSessionRequest request, UriInfo uri) {
        FgdSession s = service.create(regionCode, request);
        return ETags.created(
                uri.getAbsolutePathBuilder().path(s.id.toString()).build(), mapper.toResponse(s), s.version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceFgdSession", summary = "Replace a PLANNED session's details")
    @APIResponse(responseCode = "200", description = "The session")
    @APIResponse(responseCode = "409", description = "The session is no longer PLANNED")
    @APIResponse(responseCode = "422", description = "The facilitator is not a stakeholder of this region")
    public RestResponse<FgdSessionResponse> replace(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid FgdSessionRequest request) {
        FgdSession s = service.replace(regionCode, id, ifMatch, request);
        return ETags.ok(mapper.toResponse(s), s.version, null);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Operation(operationId = "updateFgdSession", summary = "Change some of a PLANNED session's details")
    @RequestBody(content = @Content(schema = @Schema(implementation = FgdSessionRequest.class)))
    @APIResponse(responseCode = "200", description = "The session")
    @APIResponse(responseCode = "409", description = "The session is no longer PLANNED")
    @APIResponse(responseCode = "422", description = "The facilitator is not a stakeholder of this region")
    public RestResponse<FgdSessionResponse> patch(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        FgdSession s = service.patch(regionCode, id, ifMatch, patch);
        return ETags.ok(mapper.toResponse(s), s.version, null);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "transitionFgdSession",
            summary = "Mark a session HELD or CANCELLED, with a reason",
            description = "PLANNED → HELD needs at least one participant who ATTENDED and minutes (422 otherwise);"
                    + " PLANNED → CANCELLED. Any other move is 409 and the problem lists the allowed ones.")
    @APIResponse(responseCode = "200", description = "The session in its new status")
    @APIResponse(responseCode = "409", description = "Not allowed from the current status; allowed lists what is")
    @APIResponse(responseCode = "422", description = "HELD without an attendee or without minutes; missing lists what")
    public RestResponse<FgdSessionResponse> transition(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid FgdTransitionRequest request) {
        FgdSession s = service.transition(regionCode, id, ifMatch, request);
        return ETags.ok(mapper.toResponse(s), s.version, null);
    }

    private static Integer stage(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (!raw.matches("[1-4]")) {
            throw ApiException.invalid("stage", "must be 1, 2, 3 or 4");
        }
        return Integer.valueOf(raw);
    }

    /** The JSON list's schema (a named page type for the contract). */
    @Schema(name = "FgdSessionPage")
    static final class FgdSessionPage extends PageSchema<FgdSessionResponse> {}
}
