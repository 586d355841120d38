package id.smartcity.quickwin;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.MergePatch;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageParams;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.idempotency.Idempotent;
import id.smartcity.platform.openapi.PageSchema;
import id.smartcity.platform.security.Roles;
import id.smartcity.quickwin.api.KpiRequest;
import id.smartcity.quickwin.api.KpiResponse;
import id.smartcity.quickwin.api.MilestoneRequest;
import id.smartcity.quickwin.api.MilestoneResponse;
import id.smartcity.quickwin.api.ProgressReportRequest;
import id.smartcity.quickwin.api.ProgressReportResponse;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
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

/**
 * Milestones, progress reports and KPIs of a quick win. Writes need admin, coordinator or
 * contributor, and a quick win that is not COMPLETED or CANCELLED (409 otherwise).
 */
@Idempotent
@Path("/regions/{regionCode}/quick-wins/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
@Tag(name = "Quick wins")
public class QuickWinPartsResource {

    private static final Map<String, String> MILESTONE_SORT = Map.of("dueDate", "dueDate", "title", "title");
    private static final Map<String, String> REPORT_SORT = Map.of("reportDate", "reportDate", "createdAt", "createdAt");
    private static final Map<String, String> KPI_SORT = Map.of("name", "name");

    @Inject
    QuickWinService service;

    @Inject
    QuickWinQueries queries;

    @Inject
    QuickWinMapper mapper;

    @PathParam("regionCode")
    String regionCode;

    @PathParam("id")
    @Parameter(description = "The quick win's id")
    UUID id;

    @GET
    @Path("/milestones")
    @Operation(
            operationId = "listMilestones",
            summary = "The quick win's milestones by due date",
            description = "Sort fields: dueDate (default), title.")
    public Page<MilestoneResponse> milestones(@BeanParam PageParams params) {
        QuickWin q = quickWin();
        PageRequest page = PageRequest.of(params, MILESTONE_SORT, "dueDate", "id");
        return queries.milestones(q, page);
    }

    @POST
    @Path("/milestones")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMilestone", summary = "Add a milestone (weight > 0)")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = MilestoneResponse.class)))
    @APIResponse(responseCode = "409", description = "The quick win is COMPLETED or CANCELLED")
    public RestResponse<MilestoneResponse> addMilestone(@NotNull @Valid MilestoneRequest request, UriInfo uri) {
        Milestone m = service.addMilestone(regionCode, id, request);
        return ETags.created(
                uri.getAbsolutePathBuilder().path(m.id.toString()).build(), mapper.toResponse(m), m.version);
    }

    @PATCH
    @Path("/milestones/{milestoneId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Operation(operationId = "updateMilestone", summary = "Change a milestone, e.g. tick it done with its date")
    @RequestBody(content = @Content(schema = @Schema(implementation = MilestoneRequest.class)))
    @APIResponse(responseCode = "200", description = "The milestone")
    @APIResponse(responseCode = "409", description = "The quick win is COMPLETED or CANCELLED")
    public RestResponse<MilestoneResponse> patchMilestone(
            @PathParam("milestoneId") UUID milestoneId,
            @HeaderParam("If-Match") @Parameter(description = "The milestone's ETag") String ifMatch,
            JsonNode patch) {
        Milestone m = service.patchMilestone(regionCode, id, milestoneId, ifMatch, patch);
        return ETags.ok(mapper.toResponse(m), m.version, null);
    }

    @DELETE
    @Path("/milestones/{milestoneId}")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Operation(operationId = "deleteMilestone", summary = "Remove a milestone")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The quick win is COMPLETED or CANCELLED")
    public void deleteMilestone(
            @PathParam("milestoneId") UUID milestoneId,
            @HeaderParam("If-Match") @Parameter(description = "The milestone's ETag") String ifMatch) {
        service.deleteMilestone(regionCode, id, milestoneId, ifMatch);
    }

    @GET
    @Path("/progress-reports")
    @Operation(
            operationId = "listProgressReports",
            summary = "The quick win's progress reports, newest first",
            description = "Sort fields: reportDate, createdAt; default -reportDate,-createdAt (newest first).")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ReportPage.class)))
    public Page<ProgressReportResponse> reports(@BeanParam PageParams params) {
        QuickWin q = quickWin();
        PageRequest page = PageRequest.of(params, REPORT_SORT, "-reportDate,-createdAt", "id");
        return queries.reports(q, page);
    }

    @POST
    @Path("/progress-reports")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createProgressReport",
            summary = "File a progress report",
            description = "Reports are records and are not edited: file a new one to correct. Without milestones, the"
                    + " latest report's percent is the quick win's progress.")
    @APIResponse(
            responseCode = "201",
            description = "Filed",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ProgressReportResponse.class)))
    @APIResponse(responseCode = "409", description = "The quick win is COMPLETED or CANCELLED")
    public RestResponse<ProgressReportResponse> addReport(@NotNull @Valid ProgressReportRequest request, UriInfo uri) {
        ProgressReport r = service.addReport(regionCode, id, request);
        return RestResponse.ResponseBuilder.<ProgressReportResponse>created(
                        uri.getAbsolutePathBuilder().path(r.id.toString()).build())
                .entity(mapper.toResponse(r))
                .build();
    }

    @GET
    @Path("/kpis")
    @Operation(
            operationId = "listKpis",
            summary = "The quick win's KPIs with their attainment",
            description = "Sort fields: name (default).")
    public Page<KpiResponse> kpis(@BeanParam PageParams params) {
        QuickWin q = quickWin();
        PageRequest page = PageRequest.of(params, KPI_SORT, "name", "id");
        return queries.kpis(q, page);
    }

    @POST
    @Path("/kpis")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createKpi", summary = "Add a KPI")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = KpiResponse.class)))
    @APIResponse(responseCode = "409", description = "The quick win is COMPLETED or CANCELLED")
    public RestResponse<KpiResponse> addKpi(@NotNull @Valid KpiRequest request, UriInfo uri) {
        Kpi k = service.addKpi(regionCode, id, request);
        return ETags.created(
                uri.getAbsolutePathBuilder().path(k.id.toString()).build(), mapper.toResponse(k), k.version);
    }

    @PATCH
    @Path("/kpis/{kpiId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Operation(operationId = "updateKpi", summary = "Change a KPI, e.g. record its actual value")
    @RequestBody(content = @Content(schema = @Schema(implementation = KpiRequest.class)))
    @APIResponse(responseCode = "200", description = "The KPI")
    @APIResponse(responseCode = "409", description = "The quick win is COMPLETED or CANCELLED")
    public RestResponse<KpiResponse> patchKpi(
            @PathParam("kpiId") UUID kpiId,
            @HeaderParam("If-Match") @Parameter(description = "The KPI's ETag") String ifMatch,
            JsonNode patch) {
        Kpi k = service.patchKpi(regionCode, id, kpiId, ifMatch, patch);
        return ETags.ok(mapper.toResponse(k), k.version, null);
    }

    private QuickWin quickWin() {
        return service.find(regionCode, id);
    }

    /** The reports' schema: its contract name, PageReportResponse, is the one it was first published with. */
    @Schema(name = "PageReportResponse")
    static final class ReportPage extends PageSchema.Described<ProgressReportResponse> {}
}
