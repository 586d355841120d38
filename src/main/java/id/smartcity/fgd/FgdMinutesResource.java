package id.smartcity.fgd;

import id.smartcity.fgd.api.MinutesRequest;
import id.smartcity.fgd.api.MinutesResponse;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.idempotency.Idempotent;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The minutes of a session: a summary and its decisions. */
@Path("/regions/{regionCode}/fgd-sessions/{id}/minutes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
@Tag(name = "FGD sessions")
@Idempotent
public class FgdMinutesResource {

    @Inject
    FgdService service;

    @Inject
    FgdMapper mapper;

    @PathParam("regionCode")
    String regionCode;

    @PathParam("id")
    @Parameter(description = "The session's id")
    UUID id;

    @GET
    @Operation(operationId = "getFgdMinutes", summary = "The session's minutes (404 until recorded)")
    @APIResponse(
            responseCode = "200",
            description = "The minutes",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The session's version",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MinutesResponse.class)))
    public RestResponse<MinutesResponse> get(@HeaderParam("If-None-Match") String ifNoneMatch) {
        FgdSession s = service.find(regionCode, id);
        MinutesResponse minutes = mapper.minutes(s);
        if (minutes == null) {
            throw ApiException.notFound("Minutes of FGD session " + id);
        }
        return ETags.ok(minutes, s.version, ifNoneMatch);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "putFgdMinutes",
            summary = "Record or replace the minutes",
            description = "Once the session is HELD, only a coordinator may change its minutes (403 otherwise); a"
                    + " CANCELLED session's minutes do not change (409). Every change is in the audit trail.")
    @APIResponse(
            responseCode = "200",
            description = "The minutes",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The session's new version",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MinutesResponse.class)))
    @APIResponse(responseCode = "409", description = "The session is CANCELLED")
    public RestResponse<MinutesResponse> put(
            @HeaderParam("If-Match") @Parameter(description = "The session's ETag") String ifMatch,
            @NotNull @Valid MinutesRequest request) {
        FgdSession s = service.putMinutes(regionCode, id, ifMatch, request);
        return ETags.ok(mapper.minutes(s), s.version, null);
    }
}
