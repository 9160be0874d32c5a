package dev.nereid.server.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class DocumentPathTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void writesFieldsAndIndexesAsPeopleReadThem() {
        DocumentPath path = DocumentPath.ROOT.field("principals").index(1).field("policies").index(0)
                .field("Condition").field("StringEquals").field("neptune-db:QueryLanguage");

        assertThat(path).hasToString("principals[1].policies[0].Condition.StringEquals.neptune-db:QueryLanguage");
    }

    @Test
    void bracketsNamesThatWouldReadAmbiguously() {
        assertThat(DocumentPath.ROOT.field("a.b").field("").field("x y"))
                .hasToString("[\"a.b\"][\"\"][\"x y\"]");
    }

    @Test
    void namesTheTopLevel() {
        assertThat(DocumentPath.ROOT.expected("a JSON object", NODES.arrayNode().add(1)))
                .hasMessage("the top level must be a JSON object, was an array");
    }

    @Test
    void describesValuesWithoutDumpingContainers() {
        assertThat(DocumentPath.describe(NODES.textNode("say \"hi\""))).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(DocumentPath.describe(NODES.numberNode(42))).isEqualTo("42");
        assertThat(DocumentPath.describe(NODES.booleanNode(false))).isEqualTo("false");
        assertThat(DocumentPath.describe(NODES.nullNode())).isEqualTo("null");
        assertThat(DocumentPath.describe(NODES.arrayNode())).isEqualTo("[]");
        assertThat(DocumentPath.describe(NODES.objectNode())).isEqualTo("{}");
        assertThat(DocumentPath.describe(NODES.objectNode().put("secret", "x"))).isEqualTo("an object");
    }
}
