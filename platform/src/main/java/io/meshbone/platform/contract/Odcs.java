package io.meshbone.platform.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.meshbone.platform.contract.internal.DescriptorParser;
import io.meshbone.platform.contract.internal.Fields;
import io.meshbone.platform.contract.internal.OdcsReader;
import io.meshbone.platform.contract.internal.OdcsWriter;

/**
 * Maps data products to and from the Open Data Contract Standard (ODCS) v3.1.0.
 *
 * <p>Kafka facts ODCS has no field for (topic, subjects, compatibility, key, partitions, the Avro schema itself) travel
 * in {@code customProperties}, so an exported contract imports back to an equal product.
 */
public final class Odcs {

    /** The ODCS version written by {@link #export}. */
    public static final String VERSION = OdcsWriter.ODCS_VERSION;

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Odcs() {
    }

    /** The product as an ODCS document tree. */
    public static ObjectNode export(DataProduct product) {
        return OdcsWriter.write(product);
    }

    /** The product as an ODCS document in YAML. */
    public static String exportYaml(DataProduct product) {
        return write(YAML, export(product));
    }

    /** The product as an ODCS document in JSON. */
    public static String exportJson(DataProduct product) {
        return write(JSON, export(product));
    }

    /**
     * Reads an ODCS document (YAML or JSON) back into a descriptor with its schema files, validated like any other.
     *
     * @param file how the document is named in problems
     * @param text the document
     * @throws ContractException with every problem, when the document is not a valid Meshbone contract
     */
    public static DescriptorBundle importDocument(String file, String text) {
        Fields fields = new Fields(file);
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ContractException(List.of(new Problem(file, DescriptorParser.DOCUMENT,
                    "not valid YAML or JSON: " + e.getOriginalMessage())));
        }
        OdcsReader.Result result = OdcsReader.read(tree, fields);
        if (!fields.problems().isEmpty()) {
            throw new ContractException(fields.problems());
        }
        String yaml = write(YAML, result.descriptor());
        String name = Optional.ofNullable(result.descriptor().path("metadata").path("name").textValue()).orElse("product");
        String descriptorFile = name + ProductDescriptors.SUFFIX;
        ParsedDescriptor parsed = ProductDescriptors.parse(file + " (as " + descriptorFile + ")", yaml,
                SchemaFiles.of(result.schemaFiles()));
        if (!parsed.valid()) {
            throw new ContractException(new ArrayList<>(parsed.problems()));
        }
        return new DescriptorBundle(descriptorFile, yaml, result.schemaFiles(), parsed.orThrow());
    }

    private static String write(ObjectMapper mapper, JsonNode tree) {
        try {
            String text = mapper.writeValueAsString(tree);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tree built in memory", e);
        }
    }
}
