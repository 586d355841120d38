package id.smartcity.readiness;

import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageParams;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Params;
import id.smartcity.platform.idempotency.Idempotent;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.platform.security.Roles;
import id.smartcity.readiness.api.FrameworkDefinition;
import id.smartcity.readiness.api.FrameworkRequest;
import id.smartcity.readiness.api.FrameworkVersionResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Idempotent
@Path("/assessment-frameworks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
@Tag(name = "Assessment frameworks", description = "Versioned scoring frameworks (pillars, indicators, bands)")
public class FrameworkResource {

    private static final Map<String, String> SORTABLE = Map.of("code", "frameworkCode", "version", "version");

    @Inject
    FrameworkService service;

    @GET
    @Operation(
            operationId = "listFrameworkVersions",
            summary = "List framework versions",
            description = "Sort fields: code (default), version.")
    public Page<FrameworkVersionResponse> list(
            @BeanParam PageParams params,
            @QueryParam("code")
                    @Parameter(
                            description = "Only versions of this framework",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 40))
                    String code) {
        PageRequest page = PageRequest.of(params, SORTABLE, "code,version", "id");
        return service.list(Params.text("code", code, 40), page);
    }

    @GET
    @Path("/{code}/versions/{version}")
    @Operation(operationId = "getFrameworkVersion", summary = "Get one framework version")
    @APIResponse(responseCode = "200", description = "The version")
    public RestResponse<FrameworkVersionResponse> get(
            @BeanParam VersionKey key, @HeaderParam("If-None-Match") String ifNoneMatch) {
        FrameworkVersion f = service.find(key.code, key.version);
        return ETags.ok(service.toResponse(f), f.rowVersion, ifNoneMatch);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createFrameworkVersion",
            summary = "Add the next version of a framework (admin)",
            description = "Weights > 0; codes unique across pillars and indicators; bands in increasing order, the last"
                    + " ending at 5.0 (included).")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = FrameworkVersionResponse.class)))
    public RestResponse<FrameworkVersionResponse> create(@NotNull @Valid FrameworkRequest request, UriInfo uri) {
        FrameworkVersion f = service.create(request);
        return ETags.created(
                uri.getBaseUriBuilder()
                        .path("assessment-frameworks")
                        .path(f.frameworkCode)
                        .path("versions")
                        .path(Integer.toString(f.version))
                        .build(),
                service.toResponse(f),
                f.rowVersion);
    }

    @PUT
    @Path("/{code}/versions/{version}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceFrameworkVersion",
            summary = "Correct a version no assessment uses yet (admin)",
            description = "409 once an assessment uses the version: create a new version instead.")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "409", description = "The version is in use and immutable")
    public RestResponse<FrameworkVersionResponse> replace(
            @BeanParam VersionKey key,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid FrameworkRequest request) {
        FrameworkVersion f = service.replace(key.code, key.version, ifMatch, request);
        return ETags.ok(service.toResponse(f), f.rowVersion, null);
    }

    /** The path of one framework version: {@code /{code}/versions/{version}}. */
    public static class VersionKey {

        @PathParam("code")
        @Parameter(
                description = "Framework code, e.g. READINESS",
                schema = @Schema(type = SchemaType.STRING, pattern = FrameworkDefinition.CODE, maxLength = 40))
        String code;

        @PathParam("version")
        @Parameter(
                description = "Version number, from 1",
                schema =
                        @Schema(
                                type = SchemaType.INTEGER,
                                format = "int32",
                                minimum = "1",
                                maximum = SchemaLimits.INT32_MAX))
        int version;
    }
}
