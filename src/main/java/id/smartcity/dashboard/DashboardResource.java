package id.smartcity.dashboard;

import id.smartcity.platform.http.ETags;
import id.smartcity.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/regions/{regionCode}/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
@Tag(name = "Dashboard", description = "A region's figures per dimension in one call")
public class DashboardResource {

    @Inject
    DashboardService service;

    @GET
    @Operation(
            operationId = "getDashboard",
            summary = "Per dimension: stakeholders, FGD sessions, quick wins by status, budget, progress, overdue"
                    + " milestones; and the latest verified readiness index",
            description =
                    "The ETag is a digest of the content: poll with If-None-Match and get 304 while nothing changed.")
    @APIResponse(responseCode = "200", description = "The dashboard")
    @APIResponse(responseCode = "304", description = "If-None-Match names the current content")
    public RestResponse<DashboardResponse> get(
            @PathParam("regionCode") String regionCode, @HeaderParam("If-None-Match") String ifNoneMatch) {
        DashboardCache.Entry dashboard = service.dashboard(regionCode);
        return ETags.ok(dashboard.body(), dashboard.etag(), ifNoneMatch);
    }
}
