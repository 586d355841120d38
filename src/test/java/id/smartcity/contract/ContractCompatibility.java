package id.smartcity.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.output.ConsoleRender;

/**
 * Whether a contract can replace a released one without breaking its clients, by openapi-diff: no
 * operation removed, no request made stricter (a new required parameter or property, a narrower
 * type or enum), no response made looser or different.
 */
public final class ContractCompatibility {

    private ContractCompatibility() {}

    /** The verdict of comparing {@code current} with {@code released} (both OpenAPI documents as text). */
    public static Verdict compare(String released, String current) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(
                withPatchSourcesCompared(released), withPatchSourcesCompared(withoutNewOperations(released, current)));
        List<String> broken = new ArrayList<>();
        for (Endpoint missing : diff.getMissingEndpoints()) {
            broken.add("removed: " + missing.getMethod() + " " + missing.getPathUrl());
        }
        for (ChangedOperation changed : diff.getChangedOperations()) {
            if (changed.isIncompatible()) {
                broken.add("changed incompatibly: " + changed.getHttpMethod() + " " + changed.getPathUrl() + " ("
                        + String.join(", ", parts(changed)) + ")");
            }
        }
        if (diff.isIncompatible() && broken.isEmpty()) {
            broken.add("incompatible outside the operations (components, security or extensions)");
        }
        return new Verdict(diff.isIncompatible(), broken, render(diff));
    }

    /**
     * {@code current} without the operations that {@code released} does not have. An operation
     * added since cannot break the release's clients, and openapi-diff compares only operations in
     * both; but openapi-diff 2.1.7 caches its schema comparisons in the order it meets them, and new
     * operations that share schemas with old ones (a masterplan's programs use {@code FundingSource}
     * and {@code DimensionCode}, as quick wins do) made it report {@code QuickWinRequest} as broken
     * with an enum and a maxLength at its root, which neither side has. Removed operations are
     * still found: they are in {@code released}.
     */
    static String withoutNewOperations(String released, String current) {
        try {
            JsonNode old = YAML.readTree(released).path("paths");
            ObjectNode doc = (ObjectNode) YAML.readTree(current);
            ObjectNode paths = (ObjectNode) doc.path("paths");
            for (String path : names(paths)) {
                JsonNode before = old.path(path);
                if (before.isMissingNode()) {
                    paths.remove(path);
                    continue;
                }
                ObjectNode item = (ObjectNode) paths.get(path);
                for (String key : names(item)) {
                    if (METHODS.contains(key) && !before.has(key)) {
                        item.remove(key);
                    }
                }
            }
            return YAML.writeValueAsString(doc);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The contract as openapi-diff compares it: each derived merge-patch schema ({@code XPatch},
     * marked {@code x-merge-patch-of: X}) is compared as the schema it derives from. {@code XPatch}
     * has the same properties as {@code X} and none required, so it accepts every body {@code X}
     * accepts: when {@code X} keeps the released clients working, so does {@code XPatch}.
     * openapi-diff 2.1.7 reports some such bodies as broken (e.g. the FGD session's) for no
     * difference it names; comparing the source keeps the check meaningful for the properties.
     */
    static String withPatchSourcesCompared(String contract) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("x-merge-patch-of: [\"']?(\\w+)[\"']?")
                .matcher(contract);
        String compared = contract;
        while (m.find()) {
            compared = compared.replace(
                    "#/components/schemas/" + m.group(1) + "Patch\"", "#/components/schemas/" + m.group(1) + "\"");
            compared = compared.replace(
                    "#/components/schemas/" + m.group(1) + "Patch'", "#/components/schemas/" + m.group(1) + "'");
        }
        return compared;
    }

    /** Which parts of an operation changed incompatibly. */
    private static List<String> parts(ChangedOperation op) {
        List<String> parts = new ArrayList<>();
        if (op.getParameters() != null && op.getParameters().isIncompatible()) {
            parts.add("parameters");
        }
        if (op.getRequestBody() != null && op.getRequestBody().isIncompatible()) {
            parts.add("request body");
        }
        if (op.getApiResponses() != null && op.getApiResponses().isIncompatible()) {
            parts.add("responses");
        }
        if (op.getSecurityRequirements() != null && op.getSecurityRequirements().isIncompatible()) {
            parts.add("security");
        }
        if (parts.isEmpty()) {
            parts.add("operation");
        }
        return parts;
    }

    private static String render(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new ConsoleRender().render(diff, writer);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * @param incompatible whether a client of the released contract may break
     * @param broken one line per operation that breaks
     * @param report openapi-diff's full report of the changes
     */
    public record Verdict(boolean incompatible, List<String> broken, String report) {

        /** The failure message: what broke, then the whole report. */
        public String explain() {
            return "The contract breaks clients of the released one:\n  " + String.join("\n  ", broken)
                    + "\n\nopenapi-diff's report:\n" + report;
        }
    }
}
