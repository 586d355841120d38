package id.smartcity.platform.openapi;

import id.smartcity.platform.http.PageRequest;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The contract's schema of one page of {@code T}: what {@link id.smartcity.platform.http.Page} is on
 * the wire, under the name a list was first published with. A feature names its page in one line,
 * {@code @Schema(name = "QuickWinPage") static final class QuickWinPage extends PageSchema<QuickWinResponse> {}},
 * and refers to it from the list operation's {@code @APIResponse}; it is never instantiated.
 */
public abstract class PageSchema<T> {
    @Schema(maxItems = PageRequest.MAX_LIMIT)
    public List<T> items;

    @Schema(minimum = "0", maximum = "" + PageRequest.MAX_OFFSET)
    public int offset;

    @Schema(minimum = "1", maximum = "" + PageRequest.MAX_LIMIT)
    public int limit;

    @Schema(minimum = "0", maximum = SchemaLimits.INT64_MAX)
    public long total;

    /**
     * The same page as {@link id.smartcity.platform.http.Page} describes itself (examples and the
     * total's description): the schema of the lists first published under the name smallrye-openapi
     * gave {@code Page<T>} ({@code PageReportResponse}, {@code PageTransitionResponse}).
     */
    public abstract static class Described<T> {
        @Schema(maxItems = PageRequest.MAX_LIMIT)
        public List<T> items;

        @Schema(examples = "0", minimum = "0", maximum = "" + PageRequest.MAX_OFFSET)
        public int offset;

        @Schema(examples = "20", minimum = "1", maximum = "" + PageRequest.MAX_LIMIT)
        public int limit;

        @Schema(
                description = "Number of items in the whole result",
                examples = "57",
                minimum = "0",
                maximum = SchemaLimits.INT64_MAX)
        public long total;
    }
}
