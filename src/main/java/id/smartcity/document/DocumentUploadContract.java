package id.smartcity.document;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The raw upload of {@code uploadDocument} takes a file of any type of {@link FileTypes#ALLOWED},
 * or {@code application/octet-stream} (the type is detected from the bytes): the contract lists
 * them from the same table that the upload enforces, after the multipart form that the resource
 * declares.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DocumentUploadContract implements OASFilter {

    static final String OPERATION = "uploadDocument";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (OPERATION.equals(operation.getOperationId())
                        && operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null) {
                    Content content = operation.getRequestBody().getContent();
                    FileTypes.ALLOWED.keySet().forEach(type -> content.addMediaType(type, file()));
                    content.addMediaType(MediaType.APPLICATION_OCTET_STREAM, file());
                }
            }
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.MediaType file() {
        return OASFactory.createMediaType()
                .schema(OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.STRING))
                        .format("binary")
                        .maxLength(DocumentResource.MAX_FILE));
    }
}
