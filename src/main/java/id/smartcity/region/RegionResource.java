package id.smartcity.region;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.MergePatch;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageParams;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Params;
import id.smartcity.platform.idempotency.Idempotent;
import id.smartcity.platform.security.Roles;
import id.smartcity.region.api.CreateRegionRequest;
import id.smartcity.region.api.RegionResponse;
import id.smartcity.region.api.UpdateRegionRequest;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
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
@Path("/regions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
@Tag(name = "Regions", description = "Regencies and cities: the tenants of the API")
public class RegionResource {

    private static final Map<String, String> SORTABLE = PageRequest.sortable("code", "name", "province", "cohortYear");

    @Inject
    RegionService service;

    @Inject
    RegionMapper mapper;

    @GET
    @Operation(
            operationId = "listRegions",
            summary = "List the regions the caller may see",
            description = "Admins (and auditors without a region claim) see every region; everybody else only"
                    + " the regions of their token. Sort fields: code (default), name, province, cohortYear.")
    public Page<RegionResponse> list(
            @BeanParam PageParams params,
            @QueryParam("q")
                    @Parameter(
                            description = "Part of the name or code, case-insensitive",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
                    String q,
            @QueryParam("type")
                    @Parameter(
                            description = "Only regions of this type",
                            schema = @Schema(implementation = RegionType.class))
                    String type) {
        PageRequest page = PageRequest.of(params, SORTABLE, "code", "code");
        return service.list(Params.text("q", q, 100), Params.enumValue("type", type, RegionType.class), page);
    }

    @GET
    @Path("/{regionCode}")
    @Operation(operationId = "getRegion", summary = "Get one region")
    @APIResponse(
            responseCode = "200",
            description = "The region",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The region's version",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = RegionResponse.class)))
    public RestResponse<RegionResponse> get(
            @PathParam("regionCode") String regionCode,
            @HeaderParam("If-None-Match") @Parameter(description = "ETag of the copy the caller holds")
                    String ifNoneMatch) {
        Region region = service.find(regionCode);
        return ETags.ok(mapper.toResponse(region), region.version, ifNoneMatch);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createRegion", summary = "Register a region (admin)")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = {
                @Header(
                        name = "Location",
                        description = "URL of the new region",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "ETag", description = "The region's version", schema = @Schema(type = SchemaType.STRING))
            },
            content = @Content(schema = @Schema(implementation = RegionResponse.class)))
    @APIResponse(responseCode = "409", description = "A region with this code already exists")
    public RestResponse<RegionResponse> create(@NotNull @Valid CreateRegionRequest request, UriInfo uri) {
        RegionResponse created = service.create(request);
        return ETags.created(uri.getAbsolutePathBuilder().path(created.code()).build(), created, created.version());
    }

    @PATCH
    @Path("/{regionCode}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "updateRegion",
            summary = "Change a region (admin)",
            description = "JSON Merge Patch (RFC 7396) of the region's writable fields; code is read-only."
                    + " Send If-Match with the ETag you read to make sure nobody changed it in between.")
    @RequestBody(content = @Content(schema = @Schema(implementation = UpdateRegionRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The changed region",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The region's new version",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = RegionResponse.class)))
    public RestResponse<RegionResponse> patch(
            @PathParam("regionCode") String regionCode, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        RegionResponse updated = service.patch(regionCode, ifMatch, patch);
        return ETags.ok(updated, updated.version(), null);
    }
}
