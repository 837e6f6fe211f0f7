package io.meshbone.cli.init;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.avro.Schema;

/**
 * The first descriptor and value schema of a new data product, written so that {@code meshbone product lint} passes:
 * the team edits them from there.
 *
 * @param domain    the owning domain, lower-kebab
 * @param name      the product's name in its domain, lower-kebab
 * @param entity    true for {@code type: entity} (compacted, keyed), false for an event
 * @param inputs    products it is derived from
 * @param namespace the Avro namespace of a schema written from scratch
 */
public record ProductScaffold(String domain, String name, boolean entity, List<String> inputs, String namespace) {

    /** The key field of a schema written from scratch. */
    public static final String KEY_FIELD = "id";

    public ProductScaffold {
        inputs = List.copyOf(inputs);
    }

    /** The time field of a schema written from scratch: when the fact happened, or when the entity last changed. */
    public String timeField() {
        return entity ? "updatedAt" : "occurredAt";
    }

    /** The Avro record name: the product name in PascalCase. */
    public String recordName() {
        return Identifiers.pascal(name);
    }

    /** A value schema from scratch: the key field and a time field, each with a doc to be rewritten. */
    public String schema() {
        return """
                {
                  "type": "record",
                  "name": "%s",
                  "namespace": "%s",
                  "doc": "TODO: what one %s.%s record is.",
                  "fields": [
                    {"name": "%s", "type": "string", "doc": "TODO: what identifies the %s; the record key."},
                    {"name": "%s", "type": {"type": "long", "logicalType": "timestamp-millis"}, "doc": "%s, UTC."}
                  ]
                }
                """.formatted(recordName(), namespace, domain, name, KEY_FIELD, entity ? "entity" : "event", timeField(),
                entity ? "When the entity last changed" : "When it happened");
    }

    /**
     * The descriptor naming {@code schemaFile} as its value schema, keyed by {@code keyField} when there is one.
     */
    public String descriptor(String schemaFile, Optional<String> keyField) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("apiVersion: meshbone/v1\n")
                .append("kind: DataProduct\n")
                .append("metadata:\n")
                .append("  name: ").append(name).append('\n')
                .append("  domain: ").append(domain).append('\n')
                .append("  owner: team-").append(domain).append("@example.com   # TODO: the owning team's address\n")
                .append("  description: \"TODO: what one record of ").append(domain).append('.').append(name)
                .append(" means, for the catalog.\"\n")
                .append("spec:\n")
                .append("  version: 1.0.0\n")
                .append("  type: ").append(entity ? "entity" : "event").append('\n');
        keyField.ifPresent(field -> yaml.append("  key: {field: ").append(field).append("}\n"));
        yaml.append("  value: {schema: ").append(schemaFile).append("}\n")
                .append("  compatibility: BACKWARD_TRANSITIVE\n")
                .append("  classification: internal\n")
                .append("  partitions: 6\n");
        if (!entity) {
            yaml.append("  retention: 7d\n");
        }
        if (!inputs.isEmpty()) {
            yaml.append("  inputs: [").append(String.join(", ", inputs)).append("]\n");
        }
        yaml.append("  slo: {freshness: 5m}\n");
        return yaml.toString();
    }

    /**
     * The key field of a schema the team brought: {@code id} or {@code <name>Id} when it is a string, int or long.
     */
    public Optional<String> keyFieldOf(Schema schema) {
        for (String candidate : List.of(KEY_FIELD, Identifiers.camel(name) + "Id")) {
            Schema.Field field = schema.getField(candidate);
            if (field != null && List.of(Schema.Type.STRING, Schema.Type.INT, Schema.Type.LONG).contains(field.schema().getType())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Every field of {@code schema} (nested records too) without a doc, as {@code a.b}. */
    public static List<String> undocumentedFields(Schema schema) {
        List<String> missing = new ArrayList<>();
        undocumented(schema, "", missing, new ArrayList<>());
        return missing;
    }

    private static void undocumented(Schema schema, String prefix, List<String> missing, List<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.contains(schema.getFullName())) {
                    return;
                }
                seen.add(schema.getFullName());
                for (Schema.Field field : schema.getFields()) {
                    if (field.doc() == null || field.doc().isBlank()) {
                        missing.add(prefix + field.name());
                    }
                    undocumented(field.schema(), prefix + field.name() + ".", missing, seen);
                }
            }
            case UNION -> schema.getTypes().forEach(branch -> undocumented(branch, prefix, missing, seen));
            case ARRAY -> undocumented(schema.getElementType(), prefix, missing, seen);
            case MAP -> undocumented(schema.getValueType(), prefix, missing, seen);
            default -> {
            }
        }
    }
}
