package id.smartcity.quickwin;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.MergePatch;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageParams;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Params;
import id.smartcity.platform.idempotency.Idempotent;
import id.smartcity.platform.openapi.PageSchema;
import id.smartcity.platform.security.Roles;
import id.smartcity.quickwin.api.QuickWinRequest;
import id.smartcity.quickwin.api.QuickWinResponse;
import id.smartcity.quickwin.api.QuickWinTransitionRequest;
import id.smartcity.quickwin.api.QuickWinTransitionResponse;
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
@Path("/regions/{regionCode}/quick-wins")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
@Tag(
        name = "Quick wins",
        description = "Flagship programs (program unggulan) with workflow, milestones, reports and KPIs")
public class QuickWinResource {

    static final int CSV_MAX_ROWS = 10_000;
    private static final Map<String, String> SORTABLE =
            PageRequest.sortable("title", "targetYear", "plannedBudget", "status", "createdAt");

    @Inject
    QuickWinService service;

    @Inject
    QuickWinQueries queries;

    @PathParam("regionCode")
    String regionCode;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            operationId = "listQuickWins",
            summary = "List the region's quick wins",
            description =
                    "Sort fields: title (default), targetYear, plannedBudget, status, createdAt. q searches title"
                            + " and description, case and accents ignored. With Accept: text/csv, the same page when limit is given, else every match from offset on (at most 10,000).")
    @APIResponse(
            responseCode = "200",
            description = "The quick wins",
            content = @Content(schema = @Schema(implementation = QuickWinPage.class)))
    public Response list(
            @BeanParam PageParams params,
            @QueryParam("dimension") @Parameter(schema = @Schema(implementation = DimensionCode.class))
                    String dimension,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = QuickWinStatus.class)) String status,
            @QueryParam("targetYear")
                    @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "2017",
                                            maximum = "2100"))
                    String targetYear,
            @QueryParam("leadStakeholderId")
                    @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
                    String lead,
            @QueryParam("q") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 100)) String q,
            HttpHeaders headers) {
        QuickWinFilter filter = new QuickWinFilter(
                Params.enumValue("dimension", dimension, DimensionCode.class),
                Params.enumValue("status", status, QuickWinStatus.class),
                Params.integer("targetYear", targetYear, 2017, 2100),
                Params.uuid("leadStakeholderId", lead),
                Params.text("q", q, 100));
        PageRequest page = PageRequest.of(params, SORTABLE, "title", "id");
        return Csv.negotiated(
                headers,
                "quick-wins-" + regionCode + ".csv",
                () -> QuickWinCsv.body(queries.export(regionCode, filter, page, page.exportRows(params, CSV_MAX_ROWS))),
                () -> queries.page(regionCode, filter, page));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getQuickWin", summary = "Get one quick win with its derived progress")
    @APIResponse(responseCode = "200", description = "The quick win")
    public RestResponse<QuickWinResponse> get(
            @PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        QuickWinResponse q = queries.read(regionCode, id);
        return ETags.ok(q, q.version(), ifNoneMatch);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createQuickWin", summary = "Propose a quick win")
    @APIResponse(
            responseCode = "201",
            description = "Created, PROPOSED",
            content = @Content(schema = @Schema(implementation = QuickWinResponse.class)))
    @APIResponse(
            responseCode = "422",
            description = "Session or stakeholders of another region, or a session of another dimension")
    public RestResponse<QuickWinResponse> create(@NotNull @Valid QuickWinRequest request, UriInfo uri) {
        QuickWin q = service.create(regionCode, request);
        return ETags.created(
                uri.getAbsolutePathBuilder().path(q.id.toString()).build(), queries.response(q), q.version);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Operation(operationId = "updateQuickWin", summary = "Change some of a quick win's fields")
    @RequestBody(content = @Content(schema = @Schema(implementation = QuickWinRequest.class)))
    @APIResponse(responseCode = "200", description = "The quick win")
    @APIResponse(responseCode = "409", description = "COMPLETED or CANCELLED")
    @APIResponse(
            responseCode = "422",
            description = "Session or stakeholders of another region, or a session of another dimension")
    public RestResponse<QuickWinResponse> patch(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        QuickWin q = service.patch(regionCode, id, ifMatch, patch);
        return ETags.ok(queries.response(q), q.version, null);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "transitionQuickWin",
            summary = "Move a quick win through its workflow",
            description =
                    "PROPOSED → APPROVED (coordinator) or CANCELLED; APPROVED → IN_PROGRESS, ON_HOLD or CANCELLED;"
                            + " IN_PROGRESS → COMPLETED, ON_HOLD or CANCELLED; ON_HOLD → IN_PROGRESS or CANCELLED. ON_HOLD and"
                            + " CANCELLED need a reason, and so does COMPLETED below 100 % progress (422). Anything else is 409"
                            + " and the problem lists the allowed moves.")
    @APIResponse(responseCode = "200", description = "The quick win in its new status")
    @APIResponse(responseCode = "409", description = "Not allowed from the current status; allowed lists what is")
    @APIResponse(responseCode = "422", description = "COMPLETED below 100 % progress without a reason")
    public RestResponse<QuickWinResponse> transition(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid QuickWinTransitionRequest request) {
        QuickWin q = service.transition(regionCode, id, ifMatch, request);
        return ETags.ok(queries.response(q), q.version, null);
    }

    @GET
    @Path("/{id}/transitions")
    @Operation(
            operationId = "listQuickWinTransitions",
            summary = "The quick win's status history, oldest first",
            description = "Sort field: occurredAt (default).")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = TransitionPage.class)))
    public Page<QuickWinTransitionResponse> history(@PathParam("id") UUID id, @BeanParam PageParams params) {
        QuickWin q = service.find(regionCode, id);
        PageRequest page = PageRequest.of(params, Map.of("occurredAt", "occurredAt"), "occurredAt", "id");
        return queries.transitions(q, page);
    }

    /** The list's schema (a named page type for the contract). */
    @Schema(name = "QuickWinPage")
    static final class QuickWinPage extends PageSchema<QuickWinResponse> {}

    /** The history's schema: its contract name, PageTransitionResponse, is the one it was first published with. */
    @Schema(name = "PageTransitionResponse")
    static final class TransitionPage extends PageSchema.Described<QuickWinTransitionResponse> {}
}
