package id.smartcity.masterplan;

import id.smartcity.masterplan.api.MasterplanDiffResponse;
import id.smartcity.masterplan.api.RoadmapResponse;
import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.CsvBody;
import id.smartcity.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Read-only views of masterplan versions: the diff of two, and the roadmap of one. */
@Path("/regions/{regionCode}/masterplans/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
@Tag(name = "Masterplans")
public class MasterplanViewResource {

    @Inject
    MasterplanDiff diff;

    @Inject
    RoadmapQueries roadmaps;

    @PathParam("regionCode")
    String regionCode;

    @PathParam("id")
    @Parameter(description = "The masterplan version's id (a, for a diff)")
    UUID id;

    @GET
    @Path("/diff/{otherId}")
    @Operation(
            operationId = "diffMasterplans",
            summary = "Programs added, removed and changed from this version (a) to another (b)",
            description = "Programs are matched by programKey, which a program keeps when its version is copied;"
                    + " changed lists each differing field with its value in a and in b.")
    @APIResponse(responseCode = "200", description = "The diff")
    public MasterplanDiffResponse diff(
            @PathParam("otherId") @Parameter(description = "The version compared to (b)") UUID otherId) {
        return diff.diff(regionCode, id, otherId);
    }

    @GET
    @Path("/roadmap")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            operationId = "getMasterplanRoadmap",
            summary =
                    "The version's programs by dimension and year, with budgets and the delivery of linked quick wins",
            description = "With Accept: text/csv, one line per program with a column per year, then the totals per"
                    + " dimension and the grand total.")
    @APIResponse(
            responseCode = "200",
            description = "The roadmap",
            content = @Content(schema = @Schema(implementation = RoadmapResponse.class)))
    public Response roadmap(HttpHeaders headers) {
        RoadmapResponse r = roadmaps.roadmap(regionCode, id);
        return Csv.negotiated(
                headers,
                "masterplan-" + regionCode + "-v" + r.number() + "-roadmap.csv",
                () -> new CsvBody(w -> MasterplanCsv.write(w, r)),
                () -> r);
    }
}
