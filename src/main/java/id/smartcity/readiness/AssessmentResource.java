package id.smartcity.readiness;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageParams;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Params;
import id.smartcity.platform.idempotency.Idempotent;
import id.smartcity.platform.openapi.PageSchema;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import id.smartcity.platform.security.Roles;
import id.smartcity.readiness.api.AssessmentResponse;
import id.smartcity.readiness.api.AssessmentTransitionRequest;
import id.smartcity.readiness.api.CreateAssessmentRequest;
import id.smartcity.readiness.api.FrameworkDefinition;
import id.smartcity.readiness.api.ResultResponse;
import id.smartcity.readiness.api.ScoreRequest;
import id.smartcity.readiness.api.ScoresRequest;
import id.smartcity.readiness.api.TrendResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
@Path("/regions/{regionCode}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
@Tag(name = "Readiness", description = "Readiness assessments of a region: scores, workflow, explained results, trend")
public class AssessmentResource {

    private static final Map<String, String> SORTABLE = PageRequest.sortable("period", "createdAt");

    @Inject
    AssessmentService service;

    @Inject
    ReadinessResults results;

    @Inject
    AssessmentMapper mapper;

    @Inject
    BulkScoring bulk;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @PathParam("regionCode")
    String regionCode;

    @GET
    @Path("/readiness-assessments")
    @Operation(
            operationId = "listReadinessAssessments",
            summary = "List the region's readiness assessments",
            description = "Sort fields: period (default, newest first with -period), createdAt.")
    @APIResponse(
            responseCode = "200",
            description = "The assessments",
            content = @Content(schema = @Schema(implementation = AssessmentPage.class)))
    public Response list(
            @BeanParam PageParams params,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = AssessmentStatus.class)) String status,
            @QueryParam("framework")
                    @Parameter(
                            description = "Framework code",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 40))
                    String framework) {
        PageRequest page = PageRequest.of(params, SORTABLE, "period", "id");
        Page<AssessmentResponse> assessments = service.list(
                regionCode,
                Params.enumValue("status", status, AssessmentStatus.class),
                Params.text("framework", framework, 40),
                page);
        return Response.ok(assessments, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/readiness-assessments/{id}")
    @Operation(operationId = "getReadinessAssessment", summary = "Get one assessment with its scores")
    @APIResponse(responseCode = "200", description = "The assessment")
    public RestResponse<AssessmentResponse> get(
            @PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        ReadinessAssessment a = service.find(regionCode, id);
        return ETags.ok(mapper.toResponse(a), a.version, ifNoneMatch);
    }

    @POST
    @Path("/readiness-assessments")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createReadinessAssessment",
            summary = "Start a DRAFT assessment for a period under a framework version")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = AssessmentResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "The region already has an assessment for this period and framework version")
    public RestResponse<AssessmentResponse> create(@NotNull @Valid CreateAssessmentRequest request, UriInfo uri) {
        ReadinessAssessment a = service.create(regionCode, request);
        return ETags.created(
                uri.getAbsolutePathBuilder().path(a.id.toString()).build(), mapper.toResponse(a), a.version);
    }

    @PUT
    @Path("/readiness-assessments/{id}/scores/{indicatorCode}")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "putReadinessScore",
            summary = "Score one indicator of a DRAFT, with evidence",
            description = "On the framework version's scale with at most its decimals (1.0 to 5.0 with one decimal"
                    + " for a version without a scale); a 400 names the indicator and what the framework allows."
                    + " Links are stored as given and never fetched by the server.")
    @APIResponse(responseCode = "200", description = "The assessment")
    @APIResponse(responseCode = "409", description = "The assessment is not a DRAFT")
    public RestResponse<AssessmentResponse> score(
            @BeanParam ScoreKey key,
            @HeaderParam("If-Match") @Parameter(description = "The assessment's ETag") String ifMatch,
            @NotNull @Valid ScoreRequest request) {
        ReadinessAssessment a = service.score(regionCode, key.id, key.indicatorCode, ifMatch, request);
        return ETags.ok(mapper.toResponse(a), a.version, null);
    }

    @PUT
    @Path("/readiness-assessments/{id}/scores")
    @Consumes({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Operation(
            operationId = "putReadinessScores",
            summary = "Enter every score of a DRAFT at once (JSON or CSV)",
            description = "All or nothing: the indicators listed are scored, the others end up unscored, and one"
                    + " audit event lists every change. Each score is checked against the framework version's"
                    + " scale; a 400 names every bad entry (scores[i] in JSON, line n in CSV) and its indicator."
                    + " CSV: a header naming the columns indicator and score, optionally evidence and links"
                    + " (space separated); other columns are ignored, so the result's CSV export reads back.")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ScoresRequest.class)),
                @Content(
                        mediaType = Csv.MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, maxLength = 262144),
                        example = "indicator,score,evidence\r\nOUTCOME_SCORE,3.25,Laporan evaluasi 2024\r\n")
            })
    @APIResponse(responseCode = "200", description = "The assessment")
    @APIResponse(responseCode = "409", description = "The assessment is not a DRAFT")
    public RestResponse<AssessmentResponse> scores(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The assessment's ETag") String ifMatch,
            HttpHeaders headers,
            String body)
            throws IOException {
        List<BulkScoring.Entry> entries;
        List<Problem.FieldError> errors = List.of();
        MediaType type = headers.getMediaType();
        if (type != null && type.getType().equals("text") && type.getSubtype().equals("csv")) {
            ScoreCsv.Parsed csv = ScoreCsv.read(body);
            entries = csv.entries();
            errors = csv.errors();
        } else {
            if (body == null || body.isBlank()) {
                throw ApiException.invalid("body", "is required");
            }
            ScoresRequest request = json.readValue(body, ScoresRequest.class);
            if (request == null) {
                throw ApiException.invalid("body", "is required");
            }
            Set<ConstraintViolation<ScoresRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            entries = BulkScoring.entries(request);
        }
        ReadinessAssessment a = bulk.replace(regionCode, id, ifMatch, entries, errors);
        return ETags.ok(mapper.toResponse(a), a.version, null);
    }

    @DELETE
    @Path("/readiness-assessments/{id}/scores/{indicatorCode}")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Operation(operationId = "deleteReadinessScore", summary = "Remove one indicator's score from a DRAFT")
    @APIResponse(responseCode = "200", description = "The assessment")
    @APIResponse(responseCode = "409", description = "The assessment is not a DRAFT")
    public RestResponse<AssessmentResponse> unscore(
            @BeanParam ScoreKey key,
            @HeaderParam("If-Match") @Parameter(description = "The assessment's ETag") String ifMatch) {
        ReadinessAssessment a = service.unscore(regionCode, key.id, key.indicatorCode, ifMatch);
        return ETags.ok(mapper.toResponse(a), a.version, null);
    }

    @POST
    @Path("/readiness-assessments/{id}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.AUDITOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "transitionReadinessAssessment",
            summary = "Submit, verify, or send back to DRAFT",
            description =
                    "DRAFT → SUBMITTED (coordinator or admin; 422 lists unscored indicators). SUBMITTED → VERIFIED"
                            + " (auditor or admin who did not submit it: four eyes, 403 otherwise). SUBMITTED → DRAFT with a reason."
                            + " A VERIFIED assessment never changes (409 lists what is allowed: nothing).")
    @APIResponse(responseCode = "200", description = "The assessment in its new status")
    @APIResponse(responseCode = "409", description = "Not allowed from the current status; allowed lists what is")
    @APIResponse(responseCode = "422", description = "Unscored indicators; unscored lists them")
    public RestResponse<AssessmentResponse> transition(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The assessment's ETag") String ifMatch,
            @NotNull @Valid AssessmentTransitionRequest request) {
        ReadinessAssessment a = service.transition(regionCode, id, ifMatch, request);
        return ETags.ok(mapper.toResponse(a), a.version, null);
    }

    @GET
    @Path("/readiness-assessments/{id}/result")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            operationId = "getReadinessResult",
            summary = "The explained result: index, band, pillar scores, every weight and contribution, change",
            description =
                    "Everything needed to recompute the index by hand. With Accept: text/csv, one row per indicator"
                            + " and a last row for the index.")
    @APIResponse(
            responseCode = "200",
            description = "The result",
            content = @Content(schema = @Schema(implementation = ResultResponse.class)))
    public Response result(@PathParam("id") UUID id, HttpHeaders headers) {
        ResultResponse r = results.result(service.find(regionCode, id));
        return Csv.negotiated(
                headers, "readiness-" + regionCode + "-" + r.period() + ".csv", () -> ReadinessCsv.body(r), () -> r);
    }

    @GET
    @Path("/readiness/trend")
    @Operation(
            operationId = "getReadinessTrend",
            summary = "Verified assessments over time, with index and pillar scores")
    public TrendResponse trend(
            @QueryParam("framework")
                    @Parameter(
                            description = "Framework code",
                            required = true,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 40))
                    String framework) {
        String code = Params.text("framework", framework, 40);
        if (code == null) {
            throw ApiException.invalid("framework", "is required, e.g. READINESS");
        }
        if (!code.matches(FrameworkDefinition.CODE)) {
            // The answer names the code it is for: never one that no framework can have.
            throw ApiException.invalid(
                    "framework", "must be a framework code such as READINESS (" + FrameworkDefinition.CODE + ")");
        }
        return results.trend(regionCode, code);
    }

    /** The list's schema (a named page type for the contract). */
    @Schema(name = "ReadinessAssessmentPage")
    static final class AssessmentPage extends PageSchema<AssessmentResponse> {}

    /** The path of one indicator's score: {@code /readiness-assessments/{id}/scores/{indicatorCode}}. */
    public static class ScoreKey {

        @PathParam("id")
        UUID id;

        @PathParam("indicatorCode")
        @Parameter(
                description = "Indicator code, e.g. SDM",
                schema = @Schema(type = SchemaType.STRING, pattern = FrameworkDefinition.CODE, maxLength = 40))
        String indicatorCode;
    }
}
