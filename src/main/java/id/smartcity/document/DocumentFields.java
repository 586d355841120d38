package id.smartcity.document;

import id.smartcity.platform.http.Params;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * An upload's fields besides the file: query parameters of a raw upload, or parts of a multipart
 * form (which win over the query).
 */
public class DocumentFields {

    @QueryParam("title")
    @Parameter(description = "Raw upload: the title", schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    public String title;

    @QueryParam("kind")
    @Parameter(description = "Raw upload: the kind", schema = @Schema(implementation = DocumentKind.class))
    public String kind;

    @QueryParam("ownerType")
    @Parameter(
            description = "Raw upload: what the document belongs to",
            schema = @Schema(implementation = DocumentOwnerType.class))
    public String ownerType;

    @QueryParam("ownerId")
    @Parameter(
            description = "Raw upload: the owner's id",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
    public String ownerId;

    @QueryParam("indicatorCode")
    @Parameter(
            description = "Raw upload, READINESS_ASSESSMENT owner: the indicator",
            schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = "^[A-Z][A-Z0-9_]{0,39}$"))
    public String indicatorCode;

    @QueryParam("fileName")
    @Parameter(
            description = "Raw upload without Content-Disposition: the file name",
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    public String fileName;

    public DocumentFields() {}

    DocumentFields(String title, String kind, String ownerType, String ownerId, String indicatorCode, String fileName) {
        this.title = title;
        this.kind = kind;
        this.ownerType = ownerType;
        this.ownerId = ownerId;
        this.indicatorCode = indicatorCode;
        this.fileName = fileName;
    }

    DocumentUpload upload(String declaredType) {
        return new DocumentUpload(
                title,
                Params.enumValue("kind", kind, DocumentKind.class),
                Params.enumValue("ownerType", ownerType, DocumentOwnerType.class),
                Params.uuid("ownerId", ownerId),
                indicatorCode,
                fileName,
                declaredType);
    }
}
