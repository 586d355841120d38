package id.smartcity.document;

import id.smartcity.document.api.DocumentResponse;
import id.smartcity.document.api.DocumentStatusRequest;
import id.smartcity.document.api.DocumentVerificationResponse;
import id.smartcity.platform.http.ByteRange;
import id.smartcity.platform.http.ContentDisposition;
import id.smartcity.platform.http.Csv;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.PageParams;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Params;
import id.smartcity.platform.idempotency.Idempotent;
import id.smartcity.platform.openapi.PageSchema;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.ProblemType;
import id.smartcity.platform.security.PersonalData;
import id.smartcity.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Idempotent
@Path("/regions/{regionCode}/documents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR, Roles.VIEWER, Roles.AUDITOR})
@Tag(
        name = "Documents",
        description = "Files kept with the record (minutes, attendance sheets, evidence, regulations), their SHA-256"
                + " in the audit trail")
public class DocumentResource {

    static final int CSV_MAX_ROWS = 10_000;
    /** The contract's bound of a file: the default limit (smartcity.documents.max-file-size, 25 MiB). */
    static final int MAX_FILE = 25 * 1024 * 1024;

    private static final Map<String, String> SORTABLE = PageRequest.sortable("createdAt", "title", "sizeBytes", "kind");

    @Inject
    DocumentService service;

    @Inject
    PersonalData personalData;

    @PathParam("regionCode")
    String regionCode;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            operationId = "listDocuments",
            summary = "List the region's documents",
            description = "Filter by owner (ownerType and ownerId: the documents of one FGD session, quick win, …),"
                    + " kind, status or sha256. Sort fields: createdAt (default), title, sizeBytes, kind. With Accept:"
                    + " text/csv, the same page as CSV when limit is given, else every match from offset on (at most"
                    + " 10,000).")
    @APIResponse(
            responseCode = "200",
            description = "The documents' records (not their content)",
            content = @Content(schema = @Schema(implementation = DocumentPage.class)))
    public Response list(
            @BeanParam PageParams params,
            @QueryParam("ownerType") @Parameter(schema = @Schema(implementation = DocumentOwnerType.class))
                    String ownerType,
            @QueryParam("ownerId")
                    @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
                    String ownerId,
            @QueryParam("kind") @Parameter(schema = @Schema(implementation = DocumentKind.class)) String kind,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = DocumentStatus.class)) String status,
            @QueryParam("sha256")
                    @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9a-f]{64}$", maxLength = 64))
                    String sha256,
            HttpHeaders headers) {
        if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
            throw ApiException.invalid("sha256", "must be 64 lower-case hex digits");
        }
        DocumentFilter filter = new DocumentFilter(
                Params.enumValue("ownerType", ownerType, DocumentOwnerType.class),
                Params.uuid("ownerId", ownerId),
                Params.enumValue("kind", kind, DocumentKind.class),
                Params.enumValue("status", status, DocumentStatus.class),
                sha256);
        PageRequest page = PageRequest.of(params, SORTABLE, "createdAt", "id");
        return Csv.negotiated(
                headers,
                "documents-" + regionCode + ".csv",
                () -> DocumentCsv.body(service.export(regionCode, filter, page, page.exportRows(params, CSV_MAX_ROWS))),
                () -> service.page(regionCode, filter, page));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            operationId = "uploadDocument",
            summary = "Upload a document",
            description = "As a multipart form (the file in the part `file`, the other fields as parts), or as the raw"
                    + " file with its type in Content-Type, its name in Content-Disposition (`attachment;"
                    + " filename=\"notulen.pdf\"`) and the fields as query parameters. The type is detected from the"
                    + " bytes (PDF, PNG, JPEG, WebP, DOCX, XLSX, ODT, ODS, CSV); a declared type or a file name that"
                    + " says otherwise is a 415. The SHA-256 is computed while the file streams and recorded in the"
                    + " audit event; the same content uploaded twice in a region is stored once. Limits: the file"
                    + " size (25 MB by default) and the region's quota, both 413.")
    // The raw file types follow the form: DocumentUploadContract, from the types the upload allows.
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = DocumentForm.class)))
    @APIResponse(
            responseCode = "201",
            description = "Stored; its SHA-256 is in the record and in the audit event",
            content = @Content(schema = @Schema(implementation = DocumentResponse.class)))
    @APIResponse(
            responseCode = "413",
            description = "The file is larger than the limit, or the region's quota is used up")
    @APIResponse(
            responseCode = "415",
            description = "The content's type is not allowed, or the declared type or the file name says another one")
    @APIResponse(responseCode = "422", description = "The owner is not a record of this region")
    public RestResponse<DocumentResponse> uploadForm(
            @RestForm("file") @Parameter(hidden = true) FileUpload file,
            @RestForm("title") @Parameter(hidden = true) String formTitle,
            @RestForm("kind") @Parameter(hidden = true) String formKind,
            @RestForm("ownerType") @Parameter(hidden = true) String formOwnerType,
            @RestForm("ownerId") @Parameter(hidden = true) String formOwnerId,
            @RestForm("indicatorCode") @Parameter(hidden = true) String formIndicatorCode,
            @BeanParam DocumentFields query,
            UriInfo uri) {
        service.requireRegion(regionCode);
        if (file == null) {
            throw ApiException.invalid("file", "the form must carry the document in a part named file");
        }
        if (file.size() > service.maxFileSize()) {
            throw ApiException.of(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "The document is larger than the limit of " + service.maxFileSize() + " bytes");
        }
        DocumentFields fields = new DocumentFields(
                first(formTitle, query.title),
                first(formKind, query.kind),
                first(formOwnerType, query.ownerType),
                first(formOwnerId, query.ownerId),
                first(formIndicatorCode, query.indicatorCode),
                first(file.fileName(), query.fileName));
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return created(service.upload(regionCode, fields.upload(file.contentType()), in), uri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw form of {@link #uploadForm}: the same operation in the contract. */
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR, Roles.CONTRIBUTOR})
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public RestResponse<DocumentResponse> uploadRaw(
            InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("Content-Disposition") String disposition,
            @BeanParam DocumentFields query,
            UriInfo uri) {
        DocumentFields fields = new DocumentFields(
                query.title,
                query.kind,
                query.ownerType,
                query.ownerId,
                query.indicatorCode,
                first(ContentDisposition.fileName(disposition), query.fileName));
        return created(service.upload(regionCode, fields.upload(contentType), body), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDocument", summary = "Get a document's record")
    @APIResponse(responseCode = "200", description = "The record")
    public RestResponse<DocumentResponse> get(
            @PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Document d = service.find(regionCode, id);
        return ETags.ok(DocumentMapper.toResponse(d), d.version, ifNoneMatch);
    }

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(
            operationId = "downloadDocument",
            summary = "Download a document's content",
            description = "ETag is the SHA-256; If-None-Match answers 304; one byte range (Range: bytes=0-99,"
                    + " bytes=100-, bytes=-500) answers 206, or 416 when it starts past the end; If-Range with"
                    + " another tag sends the whole content. Always an attachment, never run by the browser"
                    + " (Content-Security-Policy sandbox, nosniff). Attendance sheets (personal data) only for"
                    + " admin, coordinator and contributor.")
    @APIResponse(
            responseCode = "200",
            description = "The whole content, of the detected type",
            headers = {
                @Header(name = "ETag", description = "The SHA-256, quoted", schema = @Schema(type = SchemaType.STRING)),
                @Header(
                        name = "Content-Disposition",
                        description = "attachment, with the sanitised file name",
                        schema = @Schema(type = SchemaType.STRING, maxLength = 1000)),
                @Header(name = "Accept-Ranges", schema = @Schema(type = SchemaType.STRING, enumeration = "bytes"))
            },
            content =
                    @Content(
                            mediaType = MediaType.WILDCARD,
                            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = MAX_FILE)))
    @APIResponse(
            responseCode = "206",
            description = "The requested range",
            headers = {
                @Header(
                        name = "Content-Range",
                        description = "bytes first-last/size",
                        schema = @Schema(type = SchemaType.STRING, maxLength = 64)),
                @Header(name = "ETag", description = "The SHA-256, quoted", schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            mediaType = MediaType.WILDCARD,
                            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = MAX_FILE)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the content's SHA-256")
    @APIResponse(responseCode = "403", description = "An attendance sheet, for a role that does not see personal data")
    @APIResponse(responseCode = "410", description = "An admin removed the content; the record says when and why")
    @APIResponse(
            responseCode = "416",
            description = "The range starts past the end",
            headers =
                    @Header(
                            name = "Content-Range",
                            description = "bytes */size",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 64)))
    public Response content(
            @PathParam("id") UUID id,
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @HeaderParam("Range")
                    @Parameter(
                            description = "One byte range, e.g. bytes=0-99",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
                    String range,
            @HeaderParam("If-Range")
                    @Parameter(
                            description = "The ETag a range is based on",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
                    String ifRange) {
        Document d = service.find(regionCode, id);
        if (d.personalData && !personalData.visible()) {
            throw ApiException.of(
                    ProblemType.FORBIDDEN, "The document carries personal data, which the caller's role does not see");
        }
        String etag = "\"" + d.sha256 + "\"";
        if (ETags.notModified(ifNoneMatch, d.sha256)) {
            return Response.notModified().header("ETag", etag).build();
        }
        Optional<ByteRange> part =
                ETags.rangeApplies(ifRange, d.sha256) ? ByteRange.of(range, d.sizeBytes) : Optional.empty();
        long offset = part.map(ByteRange::first).orElse(0L);
        long length = part.map(ByteRange::length).orElse(d.sizeBytes);
        InputStream bytes = service.content(d, offset, length);
        Response.ResponseBuilder r = (part.isPresent() ? Response.status(206) : Response.ok())
                .entity(bytes)
                .type(d.mediaType)
                .header("ETag", etag)
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", Long.toString(length))
                .header("Content-Disposition", ContentDisposition.attachment(d.fileName));
        part.ifPresent(p -> r.header("Content-Range", p.contentRange(d.sizeBytes)));
        return r.build();
    }

    @GET
    @Path("/{id}/verify")
    @Operation(
            operationId = "verifyDocument",
            summary = "Recompute a document's SHA-256 from storage and compare it with the audit trail",
            description = "intact is false when the stored bytes, the record or the audit event disagree (or the"
                    + " content was removed); detail says what differs.")
    @APIResponse(responseCode = "200", description = "What was found")
    public DocumentVerificationResponse verify(@PathParam("id") UUID id) {
        Document d = service.find(regionCode, id);
        return DocumentMapper.toResponse(d, service.verify(d));
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed({Roles.ADMIN, Roles.COORDINATOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "archiveDocument",
            summary = "Archive a document, with a reason",
            description = "ACTIVE → ARCHIVED: no longer current, still kept and downloadable.")
    @APIResponse(responseCode = "200", description = "The record, ARCHIVED")
    @APIResponse(responseCode = "409", description = "The document is not ACTIVE")
    public RestResponse<DocumentResponse> archive(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the record the change is based on")
                    String ifMatch,
            @NotNull @Valid DocumentStatusRequest request) {
        return tagged(service.archive(regionCode, id, ifMatch, request.reason()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "removeDocumentContent",
            summary = "Remove a document's content (admin, with a reason)",
            description = "The record stays, REMOVED, with the reason and the time; the audit events stay; the bytes"
                    + " are deleted from storage unless another document of the region holds the same content.")
    @APIResponse(responseCode = "200", description = "The record, REMOVED")
    @APIResponse(responseCode = "409", description = "The content was removed already")
    public RestResponse<DocumentResponse> remove(
            @PathParam("id") UUID id,
            @QueryParam("reason")
                    @Parameter(
                            required = true,
                            description = "Why the content is removed",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 500, minLength = 1))
                    String reason,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the record to remove") String ifMatch) {
        return tagged(service.remove(regionCode, id, ifMatch, reason));
    }

    private static RestResponse<DocumentResponse> tagged(Document d) {
        return ETags.ok(DocumentMapper.toResponse(d), d.version, null);
    }

    private static RestResponse<DocumentResponse> created(Document d, UriInfo uri) {
        return ETags.created(
                uri.getAbsolutePathBuilder().path(d.id.toString()).build(), DocumentMapper.toResponse(d), d.version);
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    /** The JSON list's schema (a named page type for the contract). */
    @Schema(name = "DocumentPage")
    static final class DocumentPage extends PageSchema<DocumentResponse> {}
}
