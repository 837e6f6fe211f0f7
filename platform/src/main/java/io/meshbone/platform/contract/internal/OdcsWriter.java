package io.meshbone.platform.contract.internal;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.platform.contract.AvroSchemaFile;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.Durations;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.contract.OnFailure;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.contract.ProductSpec;
import io.meshbone.platform.contract.ProductType;
import io.meshbone.platform.contract.QualityRule;

/** Writes a data product as an Open Data Contract Standard v3.1.0 document. */
public final class OdcsWriter {

    /** The ODCS version written. */
    public static final String ODCS_VERSION = "v3.1.0";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OdcsWriter() {
    }

    public static ObjectNode write(DataProduct product) {
        ProductSpec spec = product.spec();
        ProductNames names = product.names();
        ObjectNode odcs = JSON.objectNode();
        odcs.put("apiVersion", ODCS_VERSION);
        odcs.put("kind", "DataContract");
        odcs.put("id", names.productName());
        odcs.put("name", product.metadata().name());
        odcs.put("version", spec.version().toString());
        odcs.put("status", "active");
        odcs.put("domain", product.metadata().domain());
        odcs.put("dataProduct", names.productName());
        odcs.putObject("description").put("purpose", product.metadata().description());
        if (!product.metadata().tags().isEmpty()) {
            odcs.set("tags", strings(product.metadata().tags()));
        }
        ObjectNode team = odcs.putObject("team");
        team.put("name", product.metadata().domain());
        ObjectNode owner = team.putArray("members").addObject();
        owner.put("username", product.metadata().owner());
        owner.put("role", OdcsKeys.OWNER_ROLE);

        ArrayNode schema = odcs.putArray("schema");
        String keyField = spec.key().orElse(null) instanceof KeySpec.FieldKey f ? f.field() : null;
        ObjectNode value = schemaObject(schema, OdcsKeys.ROLE_VALUE, spec.value(), names.topic(), names.valueSubject(),
                spec.classification().text(), keyField);
        if (!spec.quality().isEmpty()) {
            ArrayNode quality = value.putArray("quality");
            spec.quality().forEach(rule -> quality.add(quality(rule)));
        }
        if (spec.key().orElse(null) instanceof KeySpec.SchemaKey key) {
            schemaObject(schema, OdcsKeys.ROLE_KEY, key.schema(), names.topic(), names.keySubject(),
                    spec.classification().text(), null);
        }

        ArrayNode sla = JSON.arrayNode();
        spec.retention().ifPresent(r -> sla.add(slaProperty(OdcsKeys.SLA_RETENTION, r, "how long events are kept")));
        spec.slo().ifPresent(s -> sla.add(slaProperty(OdcsKeys.SLA_FRESHNESS, s.freshness(),
                "freshness: the longest time from an upstream change to its record on the product topic")));
        if (!sla.isEmpty()) {
            odcs.set("slaProperties", sla);
        }
        odcs.set("customProperties", customProperties(product, keyField));
        return odcs;
    }

    private static ObjectNode schemaObject(ArrayNode schema, String role, AvroSchemaFile file, String topic,
                                           String subject, String classification, String keyField) {
        ObjectNode object = schema.addObject();
        object.put("id", role);
        object.put("name", file.schema().getName());
        object.put("physicalType", OdcsKeys.ROLE_KEY.equals(role) ? "kafka topic key" : "kafka topic value");
        object.put("physicalName", topic);
        object.put("logicalType", "object");
        if (file.schema().getDoc() != null) {
            object.put("description", file.schema().getDoc());
        }
        object.set("properties", OdcsProperties.of(file.schema(), classification, keyField));
        ArrayNode custom = object.putArray("customProperties");
        custom.add(property(OdcsKeys.SCHEMA_ROLE, JSON.textNode(role)));
        custom.add(property(OdcsKeys.SCHEMA_SUBJECT, JSON.textNode(subject)));
        custom.add(property(OdcsKeys.AVRO_SCHEMA_FILE, JSON.textNode(file.file())));
        custom.add(property(OdcsKeys.AVRO_SCHEMA, JSON.textNode(file.schema().toString(true))));
        return object;
    }

    private static ObjectNode quality(QualityRule rule) {
        ObjectNode quality = JSON.objectNode();
        quality.put("id", rule.name());
        quality.put("name", rule.name());
        quality.put("type", "custom");
        quality.put("engine", OdcsKeys.CEL_ENGINE);
        quality.put("implementation", rule.rule());
        quality.put("severity", rule.onFailure() == OnFailure.WARN ? "warning" : "error");
        quality.putArray("customProperties").add(property(OdcsKeys.ON_FAILURE, JSON.textNode(rule.onFailure().text())));
        return quality;
    }

    private static ObjectNode slaProperty(String name, Duration duration, String description) {
        String text = Durations.format(duration);
        int unitStart = text.replaceAll("[a-z]+$", "").length();
        ObjectNode sla = JSON.objectNode();
        sla.put("property", name);
        sla.put("value", Long.parseLong(text.substring(0, unitStart)));
        sla.put("unit", text.substring(unitStart));
        sla.put("description", description);
        return sla;
    }

    private static ArrayNode customProperties(DataProduct product, String keyField) {
        ProductSpec spec = product.spec();
        ProductNames names = product.names();
        ArrayNode custom = JSON.arrayNode();
        custom.add(property(OdcsKeys.PRODUCT_TYPE, JSON.textNode(spec.type().text())));
        custom.add(property(OdcsKeys.CLASSIFICATION, JSON.textNode(spec.classification().text())));
        custom.add(property(OdcsKeys.COMPATIBILITY, JSON.textNode(spec.compatibility().name())));
        custom.add(property(OdcsKeys.PARTITIONS, JSON.numberNode(spec.partitions())));
        if (keyField != null) {
            custom.add(property(OdcsKeys.KEY_FIELD, JSON.textNode(keyField)));
        }
        custom.add(property(OdcsKeys.TOPIC, JSON.textNode(names.topic())));
        custom.add(property(OdcsKeys.STAGING_TOPIC, JSON.textNode(names.stagingTopic())));
        custom.add(property(OdcsKeys.DLQ_TOPIC, JSON.textNode(names.dlqTopic())));
        custom.add(property(OdcsKeys.VALUE_SUBJECT, JSON.textNode(names.valueSubject())));
        custom.add(property(OdcsKeys.STAGING_VALUE_SUBJECT, JSON.textNode(names.stagingValueSubject())));
        if (spec.key().orElse(null) instanceof KeySpec.SchemaKey) {
            custom.add(property(OdcsKeys.KEY_SUBJECT, JSON.textNode(names.keySubject())));
            custom.add(property(OdcsKeys.STAGING_KEY_SUBJECT, JSON.textNode(names.stagingKeySubject())));
        }
        custom.add(property(OdcsKeys.CLEANUP_POLICY, JSON.textNode(spec.type() == ProductType.ENTITY
                ? "compact" : "delete")));
        if (!spec.inputs().isEmpty()) {
            custom.add(property(OdcsKeys.INPUTS, strings(spec.inputs())));
        }
        if (!spec.consumers().isEmpty()) {
            custom.add(property(OdcsKeys.CONSUMERS, strings(spec.consumers())));
        }
        if (spec.resident()) {
            custom.add(property(OdcsKeys.RESIDENCY, strings(spec.residency())));
        }
        return custom;
    }

    private static ObjectNode property(String name, JsonNode value) {
        ObjectNode property = JSON.objectNode();
        property.put("property", name);
        property.set("value", value);
        return property;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
