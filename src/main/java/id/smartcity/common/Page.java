package id.smartcity.common;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: the items and where they sit in the whole result. */
public record Page<T>(
        List<T> items,
        @Schema(examples = "0") int offset,
        @Schema(examples = "20") int limit,

        @Schema(description = "Number of items in the whole result", examples = "57")
        long total) {}
