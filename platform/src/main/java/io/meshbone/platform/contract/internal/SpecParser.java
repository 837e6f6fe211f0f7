package io.meshbone.platform.contract.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.platform.contract.AvroSchemaFile;
import io.meshbone.platform.contract.Classification;
import io.meshbone.platform.contract.Compatibility;
import io.meshbone.platform.contract.Durations;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.contract.ProductSpec;
import io.meshbone.platform.contract.ProductType;
import io.meshbone.platform.contract.QualityRule;
import io.meshbone.platform.contract.SchemaFiles;
import io.meshbone.platform.contract.SemVer;
import io.meshbone.platform.contract.Slo;

/** Parses a descriptor's {@code spec} block and checks its fields against each other and the schemas. */
final class SpecParser {

    /** Partition counts a descriptor may ask for. */
    static final int MAX_PARTITIONS = 1024;

    private static final List<String> SPEC_KEYS = List.of("version", "type", "key", "value", "compatibility",
            "classification", "partitions", "retention", "inputs", "quality", "slo", "consumers", "residency");
    private static final List<String> VALUE_KEYS = List.of("schema");
    private static final List<String> SLO_KEYS = List.of("freshness");

    private SpecParser() {
    }

    record Result(ProductSpec spec, List<String> inputs) {
    }

    static Result parse(Fields fields, JsonNode node, SchemaFiles files, String productName) {
        ObjectNode spec = fields.object(node, "spec", "a mapping with version, type, value, classification");
        if (spec == null) {
            return null;
        }
        int before = fields.problems().size();
        fields.onlyKeys(spec, "spec", SPEC_KEYS);
        SemVer version = version(fields, spec);
        ProductType type = fields.enumValue(spec, "spec", "type", ProductType.class, ProductType::text, null,
                "a product type");
        AvroSchemaFile value = value(fields, spec, files);
        Optional<KeySpec> key = KeyParser.parse(fields, spec, type, value, files);
        Compatibility compatibility = fields.enumValue(spec, "spec", "compatibility", Compatibility.class,
                Compatibility::name, Compatibility.DEFAULT, "a compatibility level");
        Classification classification = fields.enumValue(spec, "spec", "classification", Classification.class,
                Classification::text, null, "a classification");
        if (classification != null) {
            PiiCheck.check(fields, classification, value, key);
        }
        Integer partitions = partitions(fields, spec);
        Optional<Duration> retention = retention(fields, spec, type);
        List<String> inputs = inputs(fields, spec, productName);
        List<QualityRule> quality = QualityParser.parse(fields, spec, value, key);
        Optional<Slo> slo = slo(fields, spec);
        List<String> consumers = consumers(fields, spec);
        List<String> residency = ResidencyParser.parse(fields, spec);

        // Cross-references skip entries that are not product names; those are reported here already.
        List<String> declaredInputs = inputs == null ? List.of()
                : inputs.stream().map(i -> ProductNames.isProductName(i) ? i : "").toList();
        if (fields.problems().size() > before) {
            return new Result(null, declaredInputs);
        }
        return new Result(new ProductSpec(version, type, key, value, compatibility, classification, partitions,
                retention, inputs, quality, slo, consumers, residency), declaredInputs);
    }

    private static SemVer version(Fields fields, ObjectNode spec) {
        JsonNode node = fields.required(spec, "spec", "version", "a semantic version, e.g. 1.0.0");
        if (node == null) {
            return null;
        }
        Optional<SemVer> version = node.isTextual() ? SemVer.parse(node.asText()) : Optional.empty();
        if (version.isEmpty()) {
            fields.problem("spec.version", Fields.describe(node) + " is not a semantic version (expected MAJOR.MINOR.PATCH, e.g. 1.0.0; quote it if YAML reads a number)");
            return null;
        }
        return version.get();
    }

    private static AvroSchemaFile value(Fields fields, ObjectNode spec, SchemaFiles files) {
        JsonNode node = fields.required(spec, "spec", "value", "{schema: <file>.avsc}");
        ObjectNode value = node == null ? null : fields.object(node, "spec.value", "{schema: <file>.avsc}");
        if (value == null) {
            return null;
        }
        fields.onlyKeys(value, "spec.value", VALUE_KEYS);
        String file = fields.requiredText(value, "spec.value", "schema", "the value's Avro schema file, e.g. order-placed.avsc");
        AvroSchemaFile schema = file == null ? null : AvroFiles.load(fields, "spec.value.schema", file, files);
        if (schema != null && schema.schema().getType() != org.apache.avro.Schema.Type.RECORD) {
            fields.problem("spec.value.schema", file + " is a " + schema.schema().getType().getName()
                    + " schema (expected a record schema)");
            return null;
        }
        return schema;
    }

    private static Integer partitions(Fields fields, ObjectNode spec) {
        JsonNode node = spec.get("partitions");
        if (node == null || node.isNull()) {
            return 1;
        }
        if (!node.isInt() || node.asInt() < 1 || node.asInt() > MAX_PARTITIONS) {
            fields.problem("spec.partitions", "expected a whole number from 1 to " + MAX_PARTITIONS
                    + ", got " + Fields.describe(node));
            return null;
        }
        return node.asInt();
    }

    private static Optional<Duration> retention(Fields fields, ObjectNode spec, ProductType type) {
        Optional<JsonNode> node = Fields.optional(spec, "retention");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (type == ProductType.ENTITY) {
            fields.problem("spec.retention", "not allowed for type entity (an entity topic is compacted and keeps"
                    + " the latest record per key; remove retention or use type event)");
            return Optional.empty();
        }
        return duration(fields, "spec.retention", node.get());
    }

    static Optional<Duration> duration(Fields fields, String path, JsonNode node) {
        Optional<Duration> duration = node.isTextual() ? Durations.parse(node.asText()) : Optional.empty();
        if (duration.isEmpty()) {
            fields.problem(path, Fields.describe(node) + " is not a duration (expected " + Durations.EXPECTED + ")");
        }
        return duration;
    }

    private static List<String> inputs(Fields fields, ObjectNode spec, String productName) {
        List<String> inputs = fields.textList(spec, "spec", "inputs", "product names <domain>.<product>");
        if (inputs == null) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i);
            String path = "spec.inputs[" + i + "]";
            if (input == null) {
                continue;
            } else if (!ProductNames.isProductName(input)) {
                fields.problem(path, "'" + input + "' is not a product name (expected <domain>.<product> in lower-kebab, e.g. orders.order-placed)");
            } else if (input.equals(productName)) {
                fields.problem(path, "'" + input + "' is this product itself (expected an upstream product)");
            } else if (!seen.add(input)) {
                fields.problem(path, "'" + input + "' is listed twice (expected each input once)");
            }
        }
        return inputs;
    }

    private static Optional<Slo> slo(Fields fields, ObjectNode spec) {
        Optional<JsonNode> node = Fields.optional(spec, "slo");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode slo = fields.object(node.get(), "spec.slo", "a mapping with freshness, e.g. {freshness: 5m}");
        if (slo == null) {
            return Optional.empty();
        }
        fields.onlyKeys(slo, "spec.slo", SLO_KEYS);
        JsonNode freshness = fields.required(slo, "spec.slo", "freshness", Durations.EXPECTED);
        return freshness == null ? Optional.empty()
                : duration(fields, "spec.slo.freshness", freshness).map(Slo::new);
    }

    private static List<String> consumers(Fields fields, ObjectNode spec) {
        List<String> consumers = fields.textList(spec, "spec", "consumers", "lower-kebab domain or team names");
        if (consumers == null) {
            return null;
        }
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < consumers.size(); i++) {
            String consumer = consumers.get(i);
            if (consumer == null) {
                continue;
            } else if (!ProductNames.isNamePart(consumer)) {
                fields.problem("spec.consumers[" + i + "]", "'" + consumer
                        + "' is not lower-kebab (expected a domain or team name, e.g. analytics)");
            } else if (valid.contains(consumer)) {
                fields.problem("spec.consumers[" + i + "]", "'" + consumer + "' is listed twice (expected each consumer once)");
            } else {
                valid.add(consumer);
            }
        }
        return valid.size() == consumers.size() ? valid : null;
    }
}
