package io.meshbone.platform.contract;

import java.util.Objects;

import org.apache.avro.Schema;

/**
 * A parsed Avro schema and the file, relative to its descriptor, it was read from.
 *
 * @param file   the path as written in the descriptor, e.g. {@code order-placed.avsc}
 * @param schema the parsed schema
 */
public record AvroSchemaFile(String file, Schema schema) {
    public AvroSchemaFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(schema, "schema");
    }
}
