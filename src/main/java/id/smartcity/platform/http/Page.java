package id.smartcity.platform.http;

import id.smartcity.platform.openapi.SchemaLimits;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: the items and where they sit in the whole result. */
public record Page<T>(
        @Schema(maxItems = PageRequest.MAX_LIMIT) List<T> items,

        @Schema(examples = "0", minimum = "0", maximum = "" + PageRequest.MAX_OFFSET)
        int offset,

        @Schema(examples = "20", minimum = "1", maximum = "" + PageRequest.MAX_LIMIT)
        int limit,

        @Schema(
                description = "Number of items in the whole result",
                examples = "57",
                minimum = "0",
                maximum = SchemaLimits.INT64_MAX)
        long total) {}
