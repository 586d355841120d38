package id.smartcity.dimension;

import id.smartcity.dimension.api.DimensionResponse;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageParams;
import id.smartcity.platform.http.PageRequest;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/dimensions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Dimensions", description = "The six Smart City dimensions (reference data, read-only)")
public class DimensionResource {

    private static final Map<String, String> SORTABLE = PageRequest.sortable("position", "code");

    @Inject
    DimensionService service;

    @GET
    @Operation(
            operationId = "listDimensions",
            summary = "List the six dimensions",
            description = "All six dimensions with their elements. Sort fields: position (default), code.")
    public Page<DimensionResponse> list(@BeanParam PageParams params) {
        PageRequest page = PageRequest.of(params, SORTABLE, "position", "code");
        return service.list(page);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getDimension", summary = "Get one dimension with its elements")
    public DimensionResponse get(
            @PathParam("code")
                    @Parameter(
                            description = "Dimension code, e.g. GOVERNANCE",
                            schema = @Schema(implementation = DimensionCode.class))
                    String code) {
        return service.get(code);
    }
}
