package io.meshbone.platform.contract;

import java.util.Objects;

/** How a product's records are keyed: by a field of the value, or by an Avro key schema. */
public sealed interface KeySpec {

    /**
     * The key is the named top-level field of the value, as a UTF-8 string.
     *
     * @param field the value field's name
     */
    record FieldKey(String field) implements KeySpec {
        public FieldKey {
            Objects.requireNonNull(field, "field");
        }
    }

    /**
     * The key is a Confluent-framed Avro record of its own schema.
     *
     * @param schema the key schema
     */
    record SchemaKey(AvroSchemaFile schema) implements KeySpec {
        public SchemaKey {
            Objects.requireNonNull(schema, "schema");
        }
    }
}
