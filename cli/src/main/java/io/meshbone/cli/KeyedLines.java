package io.meshbone.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.serde.JsonToAvro;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * The {@code {"key": {...}, "value": {...}}} lines {@code produce} takes for a product whose key has its own Avro schema.
 *
 * @param product    the product name, for error messages
 * @param keySubject the product's key subject, for error messages
 * @param keySchema  the key's Avro schema
 */
record KeyedLines(String product, String keySubject, Schema keySchema) {

    /** The line's key as a record of the key schema; a missing key names the product and the key schema. */
    GenericRecord key(JsonNode line) {
        JsonNode key = envelope(line).get("key");
        if (key == null || key.isNull()) {
            throw new IllegalArgumentException(expectation("has no \"key\""));
        }
        try {
            return JsonToAvro.record(key, keySchema);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key: " + e.getMessage(), e);
        }
    }

    /** The line's value, to convert against the value schema. */
    JsonNode value(JsonNode line) {
        JsonNode value = envelope(line).get("value");
        if (value == null) {
            throw new IllegalArgumentException(expectation("has no \"value\""));
        }
        return value;
    }

    private JsonNode envelope(JsonNode line) {
        if (!line.isObject()) {
            throw new IllegalArgumentException(expectation("is not an object"));
        }
        line.fieldNames().forEachRemaining(field -> {
            if (!field.equals("key") && !field.equals("value")) {
                throw new IllegalArgumentException(expectation("has a field \"" + field + "\""));
            }
        });
        return line;
    }

    private String expectation(String problem) {
        return "the line " + problem + "; " + product + " is keyed by its own Avro schema " + keySchema.getFullName()
                + " (subject " + keySubject + "), so each line is {\"key\": {...}, \"value\": {...}}";
    }
}
