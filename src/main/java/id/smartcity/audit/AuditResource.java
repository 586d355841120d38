package id.smartcity.audit;

import id.smartcity.audit.api.AuditEventResponse;
import id.smartcity.audit.api.AuditPage;
import id.smartcity.audit.api.VerifyResponse;
import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.CsvBody;
import id.smartcity.platform.http.OpaqueCursor;
import id.smartcity.platform.http.Params;
import id.smartcity.platform.openapi.SchemaLimits;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.security.RegionCodes;
import id.smartcity.platform.security.RegionScope;
import id.smartcity.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/audit-events")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail", description = "Every change, append-only and hash-chained (auditors and admins)")
public class AuditResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    @Inject
    AuditReader reader;

    @Inject
    ChainVerifier verifier;

    @Inject
    RegionScope scope;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            operationId = "listAuditEvents",
            summary = "Audit events in chain order, filtered, with a keyset cursor",
            description = "Pages are keyed by event id, so a cursor stays correct while events are appended."
                    + " Auditors with a region claim see only their regions' events. With Accept: text/csv the same"
                    + " selection is streamed as CSV: every matching event after the cursor, or at most limit"
                    + " when limit is given.")
    @APIResponse(
            responseCode = "200",
            description = "The events",
            content = @Content(schema = @Schema(implementation = AuditPage.class)))
    public Response list(
            @QueryParam("regionCode")
                    @Parameter(
                            description = "Kemendagri code, e.g. 33.03",
                            schema = @Schema(type = SchemaType.STRING, pattern = RegionCodes.PATTERN, maxLength = 5))
                    String regionCode,
            @QueryParam("entityType")
                    @Parameter(description = "e.g. REGION", schema = @Schema(type = SchemaType.STRING, maxLength = 64))
                    String entityType,
            @QueryParam("entityId")
                    @Parameter(
                            description = "Id of the changed record",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
                    String entityId,
            @QueryParam("actor")
                    @Parameter(
                            description = "Username or token subject of who made the change",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
                    String actor,
            @QueryParam("action") @Parameter(schema = @Schema(implementation = AuditAction.class)) String action,
            @QueryParam("from")
                    @Parameter(
                            description = "Events at or after this time (RFC 3339)",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 35))
                    String from,
            @QueryParam("to")
                    @Parameter(
                            description = "Events before this time (RFC 3339)",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 35))
                    String to,
            @QueryParam("cursor")
                    @Parameter(
                            description = "nextCursor of the previous page",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9_-]+$", maxLength = 40))
                    String cursor,
            @QueryParam("limit")
                    @Parameter(
                            description = "Page size (default 20, at most 100)",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "100"))
                    String limit,
            HttpHeaders headers) {
        if (regionCode != null) {
            RegionCodes.requireValid(regionCode);
        }
        AuditReader.Filter filter = new AuditReader.Filter(
                regionCode,
                Params.text("entityType", entityType, 64),
                Params.text("entityId", entityId, 100),
                Params.text("actor", actor, 255),
                Params.enumValue("action", action, AuditAction.class),
                Params.time("from", from),
                Params.time("to", to));
        boolean csv = Csv.wanted(headers);
        int size = limit(limit, csv);
        List<Object> scopeParams = new ArrayList<>();
        String scopeClause = scope.sql("region_code", scopeParams);
        AuditReader.Selection selection = reader.select(filter, decode(cursor), scopeClause, scopeParams);
        if (csv) {
            CsvBody body = new CsvBody(w -> {
                AuditCsv.header(w);
                reader.stream(selection, size, e -> AuditCsv.row(w, e));
            });
            return Csv.attachment("audit-events.csv", body);
        }
        List<AuditEventResponse> items = new ArrayList<>();
        reader.stream(selection, size + 1L, e -> items.add(AuditEventResponse.of(e)));
        String next = null;
        if (items.size() > size) {
            items.remove(size);
            next = encode(items.get(size - 1).id());
        }
        return Response.ok(new AuditPage(items, size, next), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    @GET
    @Path("/{id: \\d+}")
    @Operation(operationId = "getAuditEvent", summary = "One audit event")
    public AuditEventResponse get(
            @PathParam("id")
                    @Parameter(
                            description = "Event id (position in the chain)",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int64",
                                            minimum = "1",
                                            maximum = SchemaLimits.INT64_MAX))
                    long id) {
        List<Object> scopeParams = new ArrayList<>();
        String scopeClause = scope.sql("region_code", scopeParams);
        return reader.find(id, scopeClause, scopeParams)
                .map(AuditEventResponse::of)
                .orElseThrow(() -> ApiException.notFound("Audit event " + id));
    }

    @GET
    @Path("/verify")
    @Operation(
            operationId = "verifyAuditTrail",
            summary = "Recompute the hash chain",
            description = "Streams the events in chain order and recomputes every hash in bounded memory. Without"
                    + " fromId and toId the whole chain is checked, including its head (events removed from the end).")
    public VerifyResponse verify(
            @QueryParam("fromId")
                    @Parameter(
                            description = "First event to check",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int64",
                                            minimum = "1",
                                            maximum = SchemaLimits.INT64_MAX))
                    String fromId,
            @QueryParam("toId")
                    @Parameter(
                            description = "Last event to check",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int64",
                                            minimum = "1",
                                            maximum = SchemaLimits.INT64_MAX))
                    String toId) {
        Long first = id("fromId", fromId);
        Long last = id("toId", toId);
        if (first != null && last != null && last < first) {
            throw ApiException.invalid("toId", "must not be less than fromId");
        }
        return verifier.verify(first, last);
    }

    private static int limit(String raw, boolean csv) {
        if (raw == null || raw.isEmpty()) {
            return csv ? 0 : DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < 1 || value > MAX_LIMIT) {
                throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.invalid("limit", "must be an integer");
        }
    }

    private static Long id(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            long value = Long.parseLong(raw);
            if (value < 1) {
                throw ApiException.invalid(name, "must be at least 1");
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be an integer");
        }
    }

    /** Audit-event cursors, {@code after:<event id>} (see {@link OpaqueCursor}). */
    private static final OpaqueCursor CURSOR = new OpaqueCursor("after:");

    static String encode(long lastId) {
        return CURSOR.encode(lastId);
    }

    static long decode(String cursor) {
        return CURSOR.decode("cursor", cursor);
    }
}
