package id.smartcity.changes;

import id.smartcity.changes.api.ChangeEventResponse;
import id.smartcity.changes.api.ChangePage;
import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.CsvBody;
import id.smartcity.platform.http.Params;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import id.smartcity.platform.problem.ProblemType;
import id.smartcity.platform.security.RegionCodes;
import id.smartcity.platform.security.RegionScope;
import id.smartcity.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/changes")
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
@Tag(name = "Changes", description = "Every committed change, in commit order, for integrating systems")
public class ChangeResource {

    static final String NEXT_CURSOR = "Next-Cursor";
    private static final int MAX_LIMIT = 100;

    @Inject
    ChangeService service;

    @Inject
    RegionScope scope;

    @GET
    @Blocking
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            operationId = "listChanges",
            summary = "The change feed: every committed change in commit order, after a cursor",
            description = "Thin events from the audit chain, in the caller's regions (events of no region, such as"
                    + " assessment framework versions, in everyone's). Resume with nextCursor as after: no event is"
                    + " skipped, however late it commits, and none repeats. With wait=N (at most 30) an empty page"
                    + " is held until an event arrives or N seconds pass. With Accept: text/csv and neither limit"
                    + " nor wait, every event after the cursor up to now is streamed; the Next-Cursor header"
                    + " carries the cursor in both media types. src/docs/changes.md describes the feed.")
    @APIResponse(
            responseCode = "200",
            description = "The events (possibly none)",
            headers =
                    @Header(
                            name = NEXT_CURSOR,
                            description = "The cursor to pass as after next time (also nextCursor in JSON)",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9_-]+$", maxLength = 40)),
            content = @Content(schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(
            responseCode = "503",
            description = "Too many long polls are waiting on this instance (or the database cannot be reached for a"
                    + " moment): retry after Retry-After seconds",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait before retrying",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "60")))
    public Uni<Response> list(
            @QueryParam("after")
                    @Parameter(
                            description = "nextCursor of the previous answer; absent for the start of the feed",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9_-]+$", maxLength = 40))
                    String after,
            @QueryParam("limit")
                    @Parameter(
                            description = "At most this many events (default 100, at most 100)",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "100"))
                    String limit,
            @QueryParam("types")
                    @Parameter(
                            description = "Only these event types, comma-separated (e.g."
                                    + " quick-win.created,quick-win.transitioned)",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z.,-]+$", maxLength = 2000))
                    String types,
            @QueryParam("regionCode")
                    @Parameter(
                            description = "Only this region's events (one of the caller's)",
                            schema = @Schema(type = SchemaType.STRING, pattern = RegionCodes.PATTERN, maxLength = 5))
                    String regionCode,
            @QueryParam("wait")
                    @Parameter(
                            description = "Seconds to hold an empty answer until an event arrives (0 to 30, default 0)",
                            schema =
                                    @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "30"))
                    String wait,
            HttpHeaders headers) {
        long position = ChangeCursor.decode("after", after);
        boolean csv = Csv.wanted(headers);
        Integer size = Params.integer("limit", limit, 1, MAX_LIMIT);
        Integer seconds = Params.integer("wait", wait, 0, ChangeService.MAX_WAIT_SECONDS);
        if (regionCode != null) {
            RegionCodes.requireValid(regionCode);
            if (!scope.sees(regionCode)) {
                throw new ApiException(new Problem(
                        ProblemType.FORBIDDEN,
                        "regionCode " + regionCode + " is not one of your regions",
                        List.of(new Problem.FieldError("regionCode", "is not one of your regions"))));
            }
        }
        List<Object> scopeParams = new ArrayList<>();
        String scopeClause = scope.sql("a.region_code", scopeParams);
        ChangeQuery query = new ChangeQuery(
                position,
                size == null ? MAX_LIMIT : size,
                types(types),
                regionCode,
                scopeClause,
                scopeParams,
                scope.unrestricted() ? null : Set.copyOf(scope.regions()));
        if (csv && size == null && seconds == null) {
            long head = service.head();
            ChangeQuery all = query;
            CsvBody body = new CsvBody(w -> {
                ChangeCsv.header(w);
                service.export(all, e -> ChangeCsv.row(w, e), head);
            });
            return Uni.createFrom()
                    .item(Response.fromResponse(Csv.attachment("changes.csv", body))
                            .header(NEXT_CURSOR, ChangeCursor.encode(Math.max(head, position)))
                            .build());
        }
        Duration hold = Duration.ofSeconds(seconds == null ? 0 : seconds);
        return service.poll(query, hold).map(page -> csv ? csvPage(page) : jsonPage(page, query.limit()));
    }

    private static Response jsonPage(ChangeService.Page page, int limit) {
        List<ChangeEventResponse> items = new ArrayList<>(page.events().size());
        page.events().forEach(e -> items.add(ChangeEventResponse.of(e)));
        String next = ChangeCursor.encode(page.next());
        return Response.ok(new ChangePage(items, limit, next), MediaType.APPLICATION_JSON_TYPE)
                .header(NEXT_CURSOR, next)
                .build();
    }

    private static Response csvPage(ChangeService.Page page) {
        StringWriter w = new StringWriter();
        try {
            ChangeCsv.header(w);
            for (ChangeEvent e : page.events()) {
                ChangeCsv.row(w, e);
            }
        } catch (IOException e) {
            throw new IllegalStateException("A StringWriter does not fail", e);
        }
        String text = w.toString();
        return Response.fromResponse(Csv.attachment("changes.csv", new CsvBody(out -> out.write(text))))
                .header(NEXT_CURSOR, ChangeCursor.encode(page.next()))
                .build();
    }

    private static Set<ChangeType> types(String raw) {
        Set<ChangeType> wanted = EnumSet.noneOf(ChangeType.class);
        if (raw == null || raw.isEmpty()) {
            return wanted;
        }
        for (String name : raw.split(",", -1)) {
            wanted.add(ChangeType.ofWireName(name.trim())
                    .orElseThrow(() -> ApiException.invalid(
                            "types",
                            "holds " + (name.isBlank() ? "an empty type" : "an unknown type '" + excerpt(name) + "'")
                                    + "; the types are those of ChangeEvent.type in the contract")));
        }
        return wanted;
    }

    private static String excerpt(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
