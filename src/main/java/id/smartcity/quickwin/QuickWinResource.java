package id.smartcity.quickwin;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.dimension.DimensionCode;
import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.CsvBody;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.MergePatch;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageParams;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Paging;
import id.smartcity.platform.http.Params;
import id.smartcity.platform.idempotency.Idempotent;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.platform.security.Roles;
import id.smartcity.quickwin.api.QuickWinApi;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
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
@Path("/regions/{regionCode}/quick-wins")
@Tag(
        name = "Quick wins",
        description = "Flagship programs (program unggulan) with workflow, milestones, reports and KPIs")
public class QuickWinResource {

    static final int CSV_MAX_ROWS = 10_000;
    private static final Map<String, String> SORTABLE = Map.of(
            "title",
            "title",
            "targetYear",
            "targetYear",
            "plannedBudget",
            "plannedBudget",
            "status",
            "status",
            "createdAt",
            "createdAt");

    @Inject
    QuickWinRepository quickWins;

    @Inject
    QuickWinService service;

    @Inject
    QuickWinMapper mapper;

    @PathParam("regionCode")
    @Parameter(description = "Kemendagri code, e.g. 33.03")
    String regionCode;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
    @Operation(
            operationId = "listQuickWins",
            summary = "List the region's quick wins",
            description =
                    "Sort fields: title (default), targetYear, plannedBudget, status, createdAt. q searches title"
                            + " and description, case and accents ignored. With Accept: text/csv, the same page when limit is given, else every match from offset on (at most 10,000).")
    @APIResponse(
            responseCode = "200",
            description = "The quick wins",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuickWinPage.class)),
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
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
        QuickWinRepository.Filter filter = new QuickWinRepository.Filter(
                Params.enumValue("dimension", dimension, DimensionCode.class),
                Params.enumValue("status", status, QuickWinStatus.class),
                Params.integer("targetYear", targetYear, 2017, 2100),
                Params.uuid("leadStakeholderId", lead),
                Params.text("q", q, 100));
        PageRequest page = PageRequest.of(params, SORTABLE, "title", "id");
        var query = quickWins.search(regionCode, filter, page.sort());
        if (Csv.wanted(headers)) {
            List<QuickWinApi.Response> rows =
                    responses(query.range(page.offset(), page.offset() + page.exportRows(params, CSV_MAX_ROWS) - 1)
                            .list());
            return Csv.attachment("quick-wins-" + regionCode + ".csv", new CsvBody(w -> {
                Csv.line(w, COLUMNS);
                for (QuickWinApi.Response r : rows) {
                    Csv.line(w, row(r));
                }
            }));
        }
        return Response.ok(Paging.pageOfRows(query, page, this::responses), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
    @Operation(operationId = "getQuickWin", summary = "Get one quick win with its derived progress")
    @APIResponse(
            responseCode = "200",
            description = "The quick win",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = QuickWinApi.Response.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    public RestResponse<QuickWinApi.Response> get(
            @PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        QuickWin q = service.find(regionCode, id);
        return ETags.ok(mapper.toResponse(q, quickWins.derived(q.id)), q.version, ifNoneMatch);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Operation(operationId = "createQuickWin", summary = "Propose a quick win")
    @APIResponse(
            responseCode = "201",
            description = "Created, PROPOSED",
            headers = {
                @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))
            },
            content = @Content(schema = @Schema(implementation = QuickWinApi.Response.class)))
    @APIResponse(
            responseCode = "422",
            description = "Session or stakeholders of another region, or a session of another dimension")
    public RestResponse<QuickWinApi.Response> create(@NotNull @Valid QuickWinApi.Request request, UriInfo uri) {
        QuickWin q = service.create(regionCode, request);
        return ETags.created(
                uri.getAbsolutePathBuilder().path(q.id.toString()).build(),
                mapper.toResponse(q, quickWins.derived(q.id)),
                q.version);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Operation(operationId = "updateQuickWin", summary = "Change some of a quick win's fields")
    @RequestBody(
            content = {
                @Content(
                        mediaType = MergePatch.MEDIA_TYPE,
                        schema = @Schema(implementation = QuickWinApi.Request.class)),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = QuickWinApi.Request.class))
            })
    @APIResponse(
            responseCode = "200",
            description = "The quick win",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = QuickWinApi.Response.class)))
    @APIResponse(responseCode = "409", description = "COMPLETED or CANCELLED")
    @APIResponse(
            responseCode = "422",
            description = "Session or stakeholders of another region, or a session of another dimension")
    public RestResponse<QuickWinApi.Response> patch(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version the change is based on")
                    String ifMatch,
            JsonNode patch) {
        QuickWin q = service.patch(regionCode, id, ifMatch, patch);
        return ETags.ok(mapper.toResponse(q, quickWins.derived(q.id)), q.version, null);
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR})
    @Operation(
            operationId = "transitionQuickWin",
            summary = "Move a quick win through its workflow",
            description =
                    "PROPOSED → APPROVED (coordinator) or CANCELLED; APPROVED → IN_PROGRESS, ON_HOLD or CANCELLED;"
                            + " IN_PROGRESS → COMPLETED, ON_HOLD or CANCELLED; ON_HOLD → IN_PROGRESS or CANCELLED. ON_HOLD and"
                            + " CANCELLED need a reason, and so does COMPLETED below 100 % progress (422). Anything else is 409"
                            + " and the problem lists the allowed moves.")
    @APIResponse(
            responseCode = "200",
            description = "The quick win in its new status",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = QuickWinApi.Response.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current status; allowed lists what is")
    @APIResponse(responseCode = "422", description = "COMPLETED below 100 % progress without a reason")
    public RestResponse<QuickWinApi.Response> transition(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version the change is based on")
                    String ifMatch,
            @NotNull @Valid QuickWinApi.TransitionRequest request) {
        QuickWin q = service.transition(regionCode, id, ifMatch, request);
        return ETags.ok(mapper.toResponse(q, quickWins.derived(q.id)), q.version, null);
    }

    @GET
    @Path("/{id}/transitions")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
    @Operation(
            operationId = "listQuickWinTransitions",
            summary = "The quick win's status history, oldest first",
            description = "Sort field: occurredAt (default).")
    public Page<QuickWinApi.TransitionResponse> history(@PathParam("id") UUID id, @BeanParam PageParams params) {
        QuickWin q = service.find(regionCode, id);
        PageRequest page = PageRequest.of(params, Map.of("occurredAt", "occurredAt"), "occurredAt", "id");
        return Paging.page(
                QuickWinTransition.<QuickWinTransition>find("quickWinId", page.sort(), q.id), page, mapper::toResponse);
    }

    /** Responses for a page, with the derived numbers of all its rows in one query. */
    private List<QuickWinApi.Response> responses(List<QuickWin> rows) {
        Map<UUID, QuickWinRepository.Derived> derived =
                quickWins.derived(rows.stream().map(q -> q.id).collect(Collectors.toList()));
        return rows.stream()
                .map(q -> mapper.toResponse(q, derived.getOrDefault(q.id, QuickWinRepository.Derived.NONE)))
                .toList();
    }

    private static final List<String> COLUMNS = List.of(
            "id",
            "regionCode",
            "title",
            "dimension",
            "status",
            "fgdSessionId",
            "leadStakeholderId",
            "plannedBudget",
            "budgetRealised",
            "currency",
            "fundingSource",
            "targetYear",
            "startDate",
            "endDate",
            "progressPercent",
            "progressSource",
            "version");

    private static List<String> row(QuickWinApi.Response r) {
        return Arrays.asList(
                r.id().toString(),
                r.regionCode(),
                r.title(),
                r.dimension().name(),
                r.status().name(),
                Objects.toString(r.fgdSessionId(), null),
                Objects.toString(r.leadStakeholderId(), null),
                r.plannedBudget(),
                r.budgetRealised(),
                r.currency(),
                r.fundingSource().name(),
                Integer.toString(r.targetYear()),
                Objects.toString(r.startDate(), null),
                Objects.toString(r.endDate(), null),
                r.progress().percent().exact(),
                r.progress().source(),
                Long.toString(r.version()));
    }

    /** The list's schema (a named page type for the contract). */
    @Schema(name = "QuickWinPage")
    static final class QuickWinPage {
        @Schema(maxItems = PageRequest.MAX_LIMIT)
        public List<QuickWinApi.Response> items;

        @Schema(minimum = "0", maximum = "" + PageRequest.MAX_OFFSET)
        public int offset;

        @Schema(minimum = "1", maximum = "" + PageRequest.MAX_LIMIT)
        public int limit;

        @Schema(minimum = "0", maximum = SchemaLimits.INT64_MAX)
        public long total;
    }
}
