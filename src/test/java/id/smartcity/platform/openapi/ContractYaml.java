package id.smartcity.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The checked-in form of the contract ({@code openapi/openapi.yaml}): the served contract, written as
 * people write OpenAPI by hand. Block style, except that every object or list that fits on its line
 * within {@link #WIDTH} characters is written in flow style ({@code {type: string, maxLength: 255}},
 * {@code "404": {$ref: "#/components/responses/NotFound"}}, {@code required: [to]}); prose is never
 * folded, one description a line. Keys keep the served order. SnakeYAML (which jackson-dataformat-yaml
 * brings) does the quoting, so a string that would read as anything else (a number, a date, {@code
 * yes}) is quoted.
 */
final class ContractYaml {

    /** The line length that flow style must fit in, indentation and key included. */
    static final int WIDTH = 120;

    private ContractYaml() {}

    static String render(JsonNode contract) {
        Node root = node(contract);
        if (root instanceof CollectionNode<?> collection) {
            collection.setFlowStyle(FlowStyle.BLOCK);
        }
        if (root instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                choose(entry.getValueNode(), 2, key(entry) + 2);
            }
        }
        StringWriter out = new StringWriter();
        yaml(false).serialize(root, out);
        return out.toString();
    }

    /**
     * Flow style for the node if it fits in what is left of its line ({@code indent} and a {@code
     * prefix} of that many characters, its key), else block style and the same choice for each child.
     */
    private static void choose(Node node, int indent, int prefix) {
        if (!(node instanceof CollectionNode<?> collection)) {
            return;
        }
        if (indent + prefix + flowLength(node) <= WIDTH) {
            return;
        }
        collection.setFlowStyle(FlowStyle.BLOCK);
        if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                choose(entry.getValueNode(), indent + 2, key(entry) + 2);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                choose(item, indent + 2, 0);
            }
        }
    }

    private static int key(NodeTuple entry) {
        return ((ScalarNode) entry.getKeyNode()).getValue().length();
    }

    /** The length of the node in flow style on one line; every node starts in flow style. */
    private static int flowLength(Node node) {
        StringWriter out = new StringWriter();
        yaml(true).serialize(node, out);
        String text = out.toString().strip();
        return text.contains("\n") ? Integer.MAX_VALUE : text.length();
    }

    private static Yaml yaml(boolean oneLine) {
        DumperOptions options = new DumperOptions();
        options.setAllowUnicode(true);
        options.setSplitLines(false);
        options.setWidth(oneLine ? Integer.MAX_VALUE : WIDTH);
        options.setExplicitStart(!oneLine);
        return new Yaml(options);
    }

    private static Node node(JsonNode value) {
        if (value.isObject()) {
            List<NodeTuple> entries = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                entries.add(new NodeTuple(scalar(Tag.STR, entry.getKey()), node(entry.getValue())));
            }
            return new MappingNode(Tag.MAP, entries, FlowStyle.FLOW);
        }
        if (value.isArray()) {
            List<Node> items = new ArrayList<>();
            value.forEach(item -> items.add(node(item)));
            return new SequenceNode(Tag.SEQ, items, FlowStyle.FLOW);
        }
        if (value.isIntegralNumber()) {
            return scalar(Tag.INT, value.asText());
        }
        if (value.isNumber()) {
            return scalar(Tag.FLOAT, value.asText());
        }
        if (value.isBoolean()) {
            return scalar(Tag.BOOL, value.asText());
        }
        if (value.isNull()) {
            return scalar(Tag.NULL, "null");
        }
        return scalar(Tag.STR, value.asText());
    }

    private static ScalarNode scalar(Tag tag, String text) {
        return new ScalarNode(tag, text, null, null, ScalarStyle.PLAIN);
    }
}
