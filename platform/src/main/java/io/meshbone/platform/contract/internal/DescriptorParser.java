package io.meshbone.platform.contract.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ParsedDescriptor;
import io.meshbone.platform.contract.ProductMetadata;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.contract.SchemaFiles;

/** Turns one descriptor's YAML into a {@link DataProduct}, collecting every problem on the way. */
public final class DescriptorParser {

    /** The whole document, in problems that concern no single field. */
    public static final String DOCUMENT = "(file)";

    private static final ObjectMapper YAML = new ObjectMapper(
            YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final int MAX_TOPIC_LENGTH = 249;
    private static final int MAX_PRODUCT_NAME_LENGTH = MAX_TOPIC_LENGTH - 20;
    private static final List<String> ROOT_KEYS = List.of("apiVersion", "kind", "metadata", "spec");
    private static final List<String> METADATA_KEYS = List.of("name", "domain", "owner", "description", "tags");

    private DescriptorParser() {
    }

    /** Parses {@code yaml}; what other descriptors are needed for (inputs) is checked by {@link CrossReferences}. */
    public static Outcome parse(String file, String yaml, SchemaFiles schemaFiles) {
        Fields fields = new Fields(file);
        ObjectNode root = readRoot(fields, yaml);
        if (root == null) {
            return new Outcome(new ParsedDescriptor(file, Optional.empty(), fields.problems()), null, List.of());
        }
        fields.onlyKeys(root, "", ROOT_KEYS);
        String apiVersion = fields.requiredText(root, "", "apiVersion", DataProduct.API_VERSION);
        if (apiVersion != null && !apiVersion.equals(DataProduct.API_VERSION)) {
            fields.problem("apiVersion", "'" + apiVersion + "' is not supported (expected " + DataProduct.API_VERSION + ")");
        }
        String kind = fields.requiredText(root, "", "kind", DataProduct.KIND);
        if (kind != null && !kind.equals(DataProduct.KIND)) {
            fields.problem("kind", "'" + kind + "' is not supported (expected " + DataProduct.KIND + ")");
        }
        JsonNode metadataNode = fields.required(root, "", "metadata", "a mapping with name, domain, owner, description");
        ProductMetadata metadata = metadataNode == null ? null : metadata(fields, metadataNode);
        JsonNode specNode = fields.required(root, "", "spec", "a mapping with version, type, value, classification");
        SpecParser.Result spec = specNode == null ? null : SpecParser.parse(fields, specNode, schemaFiles,
                metadata == null ? null : metadata.domain() + "." + metadata.name());

        String name = metadata == null ? declaredName(root) : metadata.domain() + "." + metadata.name();
        List<String> inputs = spec == null ? List.of() : spec.inputs();
        Optional<DataProduct> product = Optional.empty();
        if (fields.problems().isEmpty()) {
            product = Optional.of(new DataProduct(metadata, spec.spec()));
        }
        return new Outcome(new ParsedDescriptor(file, product, fields.problems()), name, inputs);
    }

    private static ObjectNode readRoot(Fields fields, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            fields.problem(DOCUMENT, "not valid YAML at " + YamlErrors.describe(e));
            return null;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            fields.problem(DOCUMENT, "the file is empty (expected a " + DataProduct.KIND + " descriptor)");
            return null;
        }
        return fields.object(root, DOCUMENT, "a mapping with apiVersion, kind, metadata and spec");
    }

    private static ProductMetadata metadata(Fields fields, JsonNode node) {
        ObjectNode metadata = fields.object(node, "metadata", "a mapping with name, domain, owner, description");
        if (metadata == null) {
            return null;
        }
        fields.onlyKeys(metadata, "metadata", METADATA_KEYS);
        String name = namePart(fields, metadata, "name", "the product's lower-kebab name, e.g. order-placed", "order-placed");
        String domain = namePart(fields, metadata, "domain", "the owning domain's lower-kebab name, e.g. orders", "orders");
        String owner = fields.requiredText(metadata, "metadata", "owner", "the owning team, e.g. team-orders@example.com");
        String description = fields.requiredText(metadata, "metadata", "description", "a sentence saying what one record means");
        List<String> tags = fields.textList(metadata, "metadata", "tags", "non-empty strings");
        if (name != null && domain != null && tooLongForKafka(domain, name)) {
            fields.problem("metadata.name", "'" + domain + "." + name + "' is too long: its staging topic would pass Kafka's "
                    + MAX_TOPIC_LENGTH + "-character limit (expected domain and name together at most "
                    + MAX_PRODUCT_NAME_LENGTH + " characters)");
            name = null;
        }
        if (name == null || domain == null || owner == null || description == null || tags == null
                || tags.stream().anyMatch(Objects::isNull)) {
            return null;
        }
        return new ProductMetadata(name, domain, owner, description, tags);
    }

    // The longest derived topic is '<domain>.<name>.v<major>.staging'; 20 characters leave room for any major.
    private static boolean tooLongForKafka(String domain, String name) {
        return domain.length() + 1 + name.length() > MAX_PRODUCT_NAME_LENGTH;
    }

    private static String namePart(Fields fields, ObjectNode metadata, String key, String expected, String example) {
        String value = fields.requiredText(metadata, "metadata", key, expected);
        if (value != null && !ProductNames.isNamePart(value)) {
            fields.problem("metadata." + key, "'" + value + "' is not lower-kebab (expected lower-case letters and"
                    + " digits in parts joined by single '-', starting with a letter, e.g. " + example + ")");
            return null;
        }
        return value;
    }

    // For cross-references, a descriptor whose metadata is broken elsewhere still declares its name.
    private static String declaredName(ObjectNode root) {
        JsonNode metadata = root.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            return null;
        }
        String name = metadata.path("name").asText("");
        String domain = metadata.path("domain").asText("");
        return ProductNames.isNamePart(name) && ProductNames.isNamePart(domain) ? domain + "." + name : null;
    }

    /**
     * One parsed descriptor with what cross-reference checks need even when it is invalid.
     *
     * @param descriptor  the descriptor and its own problems
     * @param productName the product name it declares, or null when it declares none readable
     * @param inputs      the inputs it declares (entries that are not strings are skipped)
     */
    public record Outcome(ParsedDescriptor descriptor, String productName, List<String> inputs) {
    }
}
