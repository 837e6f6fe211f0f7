package io.meshbone.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OdcsRoundTripTest {

    private static JsonSchema odcsSchema;

    @BeforeAll
    static void loadOdcsSchema() throws Exception {
        try (InputStream in = OdcsRoundTripTest.class.getResourceAsStream("/odcs/odcs-json-schema-v3.1.0.json")) {
            odcsSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(in);
        }
    }

    static List<DataProduct> products() {
        return Fixtures.validProducts();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("products")
    void exportedYamlValidatesAgainstOdcsAndImportsToAnEqualProduct(DataProduct product) throws Exception {
        String yaml = Odcs.exportYaml(product);
        JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(yaml);

        Set<ValidationMessage> errors = odcsSchema.validate(tree);
        DescriptorBundle imported = Odcs.importDocument("contract.odcs.yaml", yaml);

        assertThat(errors).isEmpty();
        assertThat(imported.product()).isEqualTo(product);
        assertThat(imported.descriptorFile()).isEqualTo(product.metadata().name() + ".product.yaml");
        assertThat(ProductDescriptors.parse(imported.descriptorFile(), imported.descriptorYaml(),
                SchemaFiles.of(imported.schemaFiles())).orThrow()).isEqualTo(product);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("products")
    void exportedJsonCarriesTheKafkaFactsAndImportsToAnEqualProduct(DataProduct product) throws Exception {
        String json = Odcs.exportJson(product);
        JsonNode tree = new ObjectMapper().readTree(json);

        assertThat(odcsSchema.validate(tree)).isEmpty();
        assertThat(customProperty(tree, "topic")).isEqualTo(product.names().topic());
        assertThat(customProperty(tree, "valueSubject")).isEqualTo(product.names().valueSubject());
        assertThat(customProperty(tree, "compatibility")).isEqualTo(product.spec().compatibility().name());
        assertThat(Odcs.importDocument("contract.odcs.json", json).product()).isEqualTo(product);
    }

    @Test
    void theSchemaCatchesADocumentThatBreaksIt() {
        ObjectNode broken = Odcs.export(Fixtures.validProducts().get(0));
        broken.put("kind", "Contract");
        broken.put("unexpected", true);

        assertThat(odcsSchema.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void importRejectsAContractWithoutTheAvroSchema() {
        ObjectNode odcs = Odcs.export(Fixtures.validProducts().get(0));
        ((ObjectNode) odcs.get("schema").get(0)).remove("customProperties");

        assertThatThrownBy(() -> Odcs.importDocument("x.odcs.json", odcs.toString()))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("x.odcs.json: schema[0].customProperties: expected avroSchemaFile and avroSchema")
                .hasMessageContaining("x.odcs.json: schema: no schema object with customProperties schemaRole 'value'");
    }

    @Test
    void importValidatesTheRecoveredDescriptor() {
        ObjectNode odcs = Odcs.export(Fixtures.validProducts().get(0));
        for (JsonNode property : odcs.get("customProperties")) {
            if (property.get("property").asText().equals("classification")) {
                ((ObjectNode) property).put("value", "secret");
            }
        }

        assertThatThrownBy(() -> Odcs.importDocument("x.odcs.json", odcs.toString()))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("spec.classification: 'secret' is not a classification");
    }

    private static String customProperty(JsonNode odcs, String name) {
        for (JsonNode property : odcs.get("customProperties")) {
            if (property.get("property").asText().equals(name)) {
                return property.get("value").asText();
            }
        }
        throw new AssertionError("no custom property " + name);
    }
}
