package id.smartcity.fgd;

import id.smartcity.fgd.api.AttendanceRequest;
import id.smartcity.fgd.api.InviteRequest;
import id.smartcity.fgd.api.ParticipantResponse;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageParams;
import id.smartcity.platform.http.PageRequest;
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
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
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

/**
 * Who was invited and who came. Writes answer with the participant list and the session's new
 * ETag; send that ETag as If-Match with the next write.
 */
@Idempotent
@Path("/regions/{regionCode}/fgd-sessions/{id}/participants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
@Tag(name = "FGD sessions")
public class FgdParticipantResource {

    private static final Map<String, String> SORTABLE =
            Map.of("name", "stakeholder.name", "attendance", "attendance", "kind", "stakeholder.kind");

    @Inject
    FgdService service;

    @PathParam("regionCode")
    String regionCode;

    @PathParam("id")
    @Parameter(description = "The session's id")
    UUID id;

    @GET
    @Operation(
            operationId = "listFgdParticipants",
            summary = "The session's participants and their attendance",
            description = "Sort fields: name (default), attendance, kind. The ETag is the session's.")
    @APIResponse(
            responseCode = "200",
            description = "The participants",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The session's version",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ParticipantPage.class)))
    public RestResponse<Page<ParticipantResponse>> list(@BeanParam PageParams params) {
        FgdSession s = service.find(regionCode, id);
        return withEtag(s, params);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "inviteFgdParticipants",
            summary = "Invite stakeholders of the same region",
            description = "Stakeholders already invited stay as they are. An id that is not an active stakeholder of"
                    + " this region is 422 (never saying whether it exists elsewhere). Once the session is HELD, only a"
                    + " coordinator may change participants.")
    @APIResponse(
            responseCode = "200",
            description = "The participants after the invitation",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The session's new version",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ParticipantPage.class)))
    @APIResponse(responseCode = "409", description = "The session is CANCELLED")
    @APIResponse(responseCode = "422", description = "An id is not an active stakeholder of this region")
    public RestResponse<Page<ParticipantResponse>> invite(
            @HeaderParam("If-Match") @Parameter(description = "The session's ETag") String ifMatch,
            @NotNull @Valid InviteRequest request) {
        FgdSession s = service.invite(regionCode, id, ifMatch, request);
        return withEtag(s, new PageParams());
    }

    @PATCH
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "updateFgdAttendance",
            summary = "Record the attendance of several participants at once",
            description = "All or nothing: an id that is not invited is 422 and nothing changes.")
    @APIResponse(
            responseCode = "200",
            description = "The participants after the change",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The session's new version",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ParticipantPage.class)))
    @APIResponse(responseCode = "409", description = "The session is CANCELLED")
    @APIResponse(responseCode = "422", description = "An id is not invited to this session")
    public RestResponse<Page<ParticipantResponse>> attendance(
            @HeaderParam("If-Match") @Parameter(description = "The session's ETag") String ifMatch,
            @NotNull @Valid AttendanceRequest request) {
        FgdSession s = service.attendance(regionCode, id, ifMatch, request);
        return withEtag(s, new PageParams());
    }

    @DELETE
    @Path("/{stakeholderId}")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Operation(operationId = "removeFgdParticipant", summary = "Withdraw an invitation")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The session is CANCELLED")
    public void remove(
            @PathParam("stakeholderId") UUID stakeholderId,
            @HeaderParam("If-Match") @Parameter(description = "The session's ETag") String ifMatch) {
        service.uninvite(regionCode, id, stakeholderId, ifMatch);
    }

    private RestResponse<Page<ParticipantResponse>> withEtag(FgdSession s, PageParams params) {
        PageRequest page = PageRequest.of(params, SORTABLE, "name", "stakeholderId");
        Page<ParticipantResponse> body = service.participants(s, page);
        return RestResponse.ResponseBuilder.ok(body)
                .header("ETag", ETags.of(s.version))
                .build();
    }

    /** The list's schema (a named page type for the contract). */
    @Schema(name = "FgdParticipantPage")
    static final class ParticipantPage extends PageSchema<ParticipantResponse> {}
}
