package id.smartcity.document;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The multipart form's schema, for the contract. The service enforces the same bounds on the
 * parts it reads (DocumentService.check, SpooledBody's limit); the constraints here keep this
 * schema and those bounds in step (ContractLimitsTest).
 */
@Schema(
        name = "DocumentForm",
        requiredProperties = {"file", "title", "kind"})
final class DocumentForm {
    @Size(max = DocumentResource.MAX_FILE)
    @Schema(
            type = SchemaType.STRING,
            format = "binary",
            description = "The file",
            maxLength = DocumentResource.MAX_FILE)
    public String file;

    @Size(max = DocumentService.MAX_TITLE)
    @Schema(maxLength = DocumentService.MAX_TITLE, examples = "Notulen FGD Tata Kelola")
    public String title;

    public DocumentKind kind;
    public DocumentOwnerType ownerType;

    @Size(max = 36)
    @Schema(format = "uuid", type = SchemaType.STRING, maxLength = 36)
    public String ownerId;

    @Size(max = 40)
    @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}")
    @Schema(maxLength = 40, pattern = "^[A-Z][A-Z0-9_]{0,39}$")
    public String indicatorCode;
}
