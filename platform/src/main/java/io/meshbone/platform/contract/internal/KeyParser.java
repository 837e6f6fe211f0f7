package io.meshbone.platform.contract.internal;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.platform.contract.AvroSchemaFile;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.contract.ProductType;
import io.meshbone.platform.contract.SchemaFiles;
import org.apache.avro.Schema;

/** Parses {@code spec.key}: a field of the value, or an Avro key schema; entities must have one. */
final class KeyParser {

    private static final List<String> KEY_KEYS = List.of("field", "schema");
    private static final String EXPECTED = "{field: <value field>} or {schema: <file>.avsc}";

    private KeyParser() {
    }

    static Optional<KeySpec> parse(Fields fields, ObjectNode spec, ProductType type, AvroSchemaFile value,
                                   SchemaFiles files) {
        Optional<JsonNode> node = Fields.optional(spec, "key");
        if (node.isEmpty()) {
            if (type == ProductType.ENTITY) {
                fields.problem("spec.key", "required for type entity (expected " + EXPECTED
                        + "; an entity topic is compacted by key)");
            }
            return Optional.empty();
        }
        ObjectNode key = fields.object(node.get(), "spec.key", EXPECTED);
        if (key == null) {
            return Optional.empty();
        }
        fields.onlyKeys(key, "spec.key", KEY_KEYS);
        boolean hasField = key.hasNonNull("field");
        boolean hasSchema = key.hasNonNull("schema");
        if (hasField && hasSchema) {
            fields.problem("spec.key", "has both field and schema (expected exactly one: " + EXPECTED + ")");
            return Optional.empty();
        }
        if (hasField) {
            String field = fields.text(key.get("field"), "spec.key.field", "the name of a field of the value");
            return field != null && fieldExists(fields, field, value) ? Optional.of(new KeySpec.FieldKey(field)) : Optional.empty();
        }
        if (hasSchema) {
            String file = fields.text(key.get("schema"), "spec.key.schema", "the key's Avro schema file, e.g. order-key.avsc");
            AvroSchemaFile schema = file == null ? null : AvroFiles.load(fields, "spec.key.schema", file, files);
            return schema == null ? Optional.empty() : Optional.of(new KeySpec.SchemaKey(schema));
        }
        if (key.isEmpty()) {
            fields.problem("spec.key", "is empty (expected " + EXPECTED + ")");
        }
        return Optional.empty();
    }

    private static boolean fieldExists(Fields fields, String name, AvroSchemaFile value) {
        if (value == null) {
            // The value schema's own problem is reported already; nothing to check the field against.
            return true;
        }
        Schema.Field field = value.schema().getField(name);
        if (field == null) {
            fields.problem("spec.key.field", "'" + name + "' is not a field of " + value.file()
                    + " (fields: " + AvroFiles.fieldList(value.schema()) + ")");
            return false;
        }
        if (!AvroFiles.usableAsKey(field.schema())) {
            fields.problem("spec.key.field", "'" + name + "' in " + value.file() + " is of type "
                    + AvroFiles.typeName(field.schema()) + " (expected a non-null string, int or long)");
            return false;
        }
        return true;
    }
}
