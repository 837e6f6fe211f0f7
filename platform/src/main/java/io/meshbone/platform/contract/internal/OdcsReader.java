package io.meshbone.platform.contract.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.platform.contract.DataProduct;

/**
 * Turns an ODCS v3 document written by {@link OdcsWriter} (or to the same conventions) back into a descriptor tree
 * and its schema files; the descriptor parser then validates the result like any other descriptor.
 */
public final class OdcsReader {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OdcsReader() {
    }

    /**
     * The descriptor tree and schema files (by file name) described by {@code odcs}.
     *
     * @param fields collects problems with the ODCS document itself, by ODCS field path
     */
    public static Result read(JsonNode odcs, Fields fields) {
        ObjectNode root = fields.object(odcs, DescriptorParser.DOCUMENT, "an ODCS data contract (a mapping)");
        if (root == null) {
            return new Result(null, Map.of());
        }
        if (!"DataContract".equals(root.path("kind").asText())) {
            fields.problem("kind", Fields.describe(root.get("kind")) + " is not an ODCS data contract (expected DataContract)");
        }
        Map<String, JsonNode> custom = customProperties(root.path("customProperties"));
        ObjectNode descriptor = JSON.objectNode();
        descriptor.put("apiVersion", DataProduct.API_VERSION);
        descriptor.put("kind", DataProduct.KIND);

        ObjectNode metadata = descriptor.putObject("metadata");
        copy(root, "name", metadata, "name");
        copy(root, "domain", metadata, "domain");
        owner(root).ifPresent(owner -> metadata.put("owner", owner));
        copy(root.path("description"), "purpose", metadata, "description");
        copy(root, "tags", metadata, "tags");

        ObjectNode spec = descriptor.putObject("spec");
        copy(root, "version", spec, "version");
        putCustom(custom, OdcsKeys.PRODUCT_TYPE, spec, "type");
        Map<String, String> schemaFiles = new LinkedHashMap<>();
        ObjectNode schemas = JSON.objectNode();
        JsonNode schema = root.path("schema");
        for (int i = 0; i < schema.size(); i++) {
            schemaObject(schema.get(i), "schema[" + i + "]", schemas, schemaFiles, fields);
        }
        if (schemas.has(OdcsKeys.ROLE_KEY)) {
            spec.set("key", schemas.get(OdcsKeys.ROLE_KEY));
        }
        if (custom.containsKey(OdcsKeys.KEY_FIELD)) {
            spec.putObject("key").set("field", custom.get(OdcsKeys.KEY_FIELD));
        }
        if (schemas.has(OdcsKeys.ROLE_VALUE)) {
            spec.set("value", schemas.get(OdcsKeys.ROLE_VALUE));
        } else {
            fields.problem("schema", "no schema object with customProperties schemaRole 'value' and avroSchema"
                    + " (expected the Avro value schema, as meshbone product export writes it)");
        }
        putCustom(custom, OdcsKeys.COMPATIBILITY, spec, "compatibility");
        putCustom(custom, OdcsKeys.CLASSIFICATION, spec, "classification");
        putCustom(custom, OdcsKeys.PARTITIONS, spec, "partitions");
        sla(root, OdcsKeys.SLA_RETENTION).ifPresent(r -> spec.put("retention", r));
        putCustom(custom, OdcsKeys.INPUTS, spec, "inputs");
        if (schemas.has("quality")) {
            spec.set("quality", schemas.get("quality"));
        }
        sla(root, OdcsKeys.SLA_FRESHNESS).ifPresent(f -> spec.putObject("slo").put("freshness", f));
        putCustom(custom, OdcsKeys.CONSUMERS, spec, "consumers");
        putCustom(custom, OdcsKeys.RESIDENCY, spec, "residency");
        return new Result(descriptor, schemaFiles);
    }

    // Collects {value: {schema: …}, key: {schema: …}, quality: […]} into 'schemas'; the caller orders them in the spec.
    private static void schemaObject(JsonNode object, String path, ObjectNode schemas, Map<String, String> files, Fields fields) {
        Map<String, JsonNode> custom = customProperties(object.path("customProperties"));
        String role = custom.getOrDefault(OdcsKeys.SCHEMA_ROLE, JSON.textNode("")).asText();
        JsonNode file = custom.get(OdcsKeys.AVRO_SCHEMA_FILE);
        JsonNode avro = custom.get(OdcsKeys.AVRO_SCHEMA);
        if (file == null || avro == null || !file.isTextual() || !avro.isTextual()) {
            fields.problem(path + ".customProperties", "expected avroSchemaFile and avroSchema properties"
                    + " (Meshbone imports the Avro schema it exported; ODCS properties alone do not define one)");
            return;
        }
        if (!role.equals(OdcsKeys.ROLE_VALUE) && !role.equals(OdcsKeys.ROLE_KEY)) {
            fields.problem(path + ".customProperties", "schemaRole " + Fields.describe(custom.get(OdcsKeys.SCHEMA_ROLE))
                    + " is not a schema role (expected value or key)");
            return;
        }
        if (!FolderFiles.isPlainFileName(file.asText())) {
            fields.problem(path + ".customProperties.avroSchemaFile", "'" + file.asText() + "' is not a plain file name"
                    + " (expected " + FolderFiles.EXPECTED + ")");
            return;
        }
        files.put(file.asText(), avro.asText());
        schemas.putObject(role).put("schema", file.asText());
        JsonNode quality = object.path("quality");
        if (role.equals(OdcsKeys.ROLE_VALUE) && quality.isArray() && !quality.isEmpty()) {
            ArrayNode rules = schemas.putArray("quality");
            quality.forEach(q -> rules.add(rule(q)));
        }
    }

    private static ObjectNode rule(JsonNode quality) {
        ObjectNode rule = JSON.objectNode();
        copy(quality, "name", rule, "name");
        copy(quality, "implementation", rule, "rule");
        JsonNode onFailure = customProperties(quality.path("customProperties")).get(OdcsKeys.ON_FAILURE);
        if (onFailure != null) {
            rule.set("onFailure", onFailure);
        }
        return rule;
    }

    private static Optional<String> owner(JsonNode root) {
        for (JsonNode member : root.path("team").path("members")) {
            if (OdcsKeys.OWNER_ROLE.equals(member.path("role").asText())) {
                return Optional.of(member.path("username").asText());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> sla(JsonNode root, String property) {
        for (JsonNode sla : root.path("slaProperties")) {
            if (property.equals(sla.path("property").asText())) {
                return Optional.of(sla.path("value").asText() + sla.path("unit").asText());
            }
        }
        return Optional.empty();
    }

    private static Map<String, JsonNode> customProperties(JsonNode list) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (JsonNode property : list) {
            properties.put(property.path("property").asText(), property.get("value"));
        }
        return properties;
    }

    private static void putCustom(Map<String, JsonNode> custom, String property, ObjectNode target, String key) {
        if (custom.containsKey(property)) {
            target.set(key, custom.get(property));
        }
    }

    private static void copy(JsonNode from, String fromKey, ObjectNode to, String toKey) {
        JsonNode value = from.get(fromKey);
        if (value != null && !value.isNull()) {
            to.set(toKey, value);
        }
    }

    /**
     * A descriptor recovered from ODCS.
     *
     * @param descriptor  the descriptor tree, or null when the document is not a mapping
     * @param schemaFiles the Avro schema texts by the file names the descriptor uses
     */
    public record Result(ObjectNode descriptor, Map<String, String> schemaFiles) {
    }
}
