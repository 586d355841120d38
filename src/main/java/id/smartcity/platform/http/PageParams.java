package id.smartcity.platform.http;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging and sorting query parameters of every list ({@code @BeanParam}). Kept as strings and
 * parsed by {@link PageRequest} so that a bad value is a 400 naming the parameter, not a 404.
 */
public class PageParams {

    @QueryParam("offset")
    @Parameter(
            description = "Number of items to skip",
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            format = "int32",
                            minimum = "0",
                            maximum = "" + PageRequest.MAX_OFFSET,
                            defaultValue = "0"))
    public String offset;

    @QueryParam("limit")
    @Parameter(
            description = "Page size; above 100 is rejected, not cut",
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            format = "int32",
                            minimum = "1",
                            maximum = "" + PageRequest.MAX_LIMIT,
                            defaultValue = "20"))
    public String limit;

    @QueryParam("sort")
    @Parameter(
            description = "Comma-separated fields, each optionally prefixed with '-' for descending order;"
                    + " the operation's description lists the fields it sorts on",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200, pattern = "^-?[A-Za-z]+(,-?[A-Za-z]+)*$"))
    public String sort;

    public PageParams() {}

    public PageParams(String offset, String limit, String sort) {
        this.offset = offset;
        this.limit = limit;
        this.sort = sort;
    }
}
