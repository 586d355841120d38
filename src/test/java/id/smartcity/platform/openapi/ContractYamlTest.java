package id.smartcity.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

/** The checked-in form: flow style where it fits, block style where not, and it reads back as it was. */
class ContractYamlTest {

    private static final String LONG = "x".repeat(ContractYaml.WIDTH);

    @Test
    void whatFitsOnItsLineIsFlowAndTheRestIsBlock() throws Exception {
        JsonNode tree = new ObjectMapper().readTree("""
                        {"components": {"schemas": {
                          "Status": {"type": "string", "enum": ["DRAFT", "VERIFIED"]},
                          "Long": {"type": "string", "description": "%s", "enum": ["A", "B"]}}}}
                        """.formatted(LONG));
        assertEquals("""
                ---
                components:
                  schemas:
                    Status: {type: string, enum: [DRAFT, VERIFIED]}
                    Long:
                      type: string
                      description: %s
                      enum: [A, B]
                """.formatted(LONG), ContractYaml.render(tree));
    }

    /** Strings that YAML would read as something else are quoted; numbers and booleans stay what they are. */
    @Test
    void itReadsBackAsTheSameTree() throws Exception {
        JsonNode tree = new ObjectMapper().readTree("""
                        {"examples": ["33.03", "2024-07-11", "yes", "null", "#/a: b", "\\"3\\"", "‖ →", ""],
                         "200": {"$ref": "#/components/responses/NotFound"},
                         "n": [1, 9223372036854775807, 1.0E-6, true, null],
                         "text": "%s"}
                        """.formatted(LONG));
        String yaml = ContractYaml.render(tree);
        assertEquals(tree, new YAMLMapper().readTree(yaml), yaml);
        assertTrue(yaml.contains("'200': {$ref: '#/components/responses/NotFound'}"), yaml);
        assertTrue(yaml.contains("'33.03'"), yaml);
    }
}
