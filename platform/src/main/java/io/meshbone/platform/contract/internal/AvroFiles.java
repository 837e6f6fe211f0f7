package io.meshbone.platform.contract.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.meshbone.platform.contract.AvroSchemaFile;
import io.meshbone.platform.contract.SchemaFiles;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/** Loads the Avro schemas a descriptor names and inspects their fields. */
public final class AvroFiles {

    /** The field property that carries tags, e.g. {@code "tags": ["PII"]}. */
    public static final String TAGS = "tags";
    /** The tag marking personal data. */
    public static final String PII = "PII";

    private static final int FIELDS_SHOWN = 8;

    private AvroFiles() {
    }

    /** Reads and parses the schema at {@code path} ({@code …schema}), or returns null with a problem. */
    public static AvroSchemaFile load(Fields fields, String path, String name, SchemaFiles files) {
        if (!name.endsWith(".avsc")) {
            fields.problem(path, "'" + name + "' is not an Avro schema file (expected a file name ending in .avsc)");
            return null;
        }
        if (name.startsWith("/") || name.startsWith("\\") || List.of(name.split("[/\\\\]")).contains("..")) {
            fields.problem(path, "'" + name + "' leaves the descriptor's folder (expected a path relative to it, without '..')");
            return null;
        }
        Optional<String> text;
        try {
            text = files.read(name);
        } catch (IOException e) {
            fields.problem(path, "cannot read " + name + ": " + e.getMessage());
            return null;
        }
        if (text.isEmpty()) {
            fields.problem(path, "file " + name + " not found (expected it next to the descriptor)");
            return null;
        }
        try {
            return new AvroSchemaFile(name, new Schema.Parser().parse(text.get()));
        } catch (AvroRuntimeException e) {
            fields.problem(path, name + " is not a valid Avro schema: " + oneLine(e.getMessage()));
            return null;
        }
    }

    /** The top-level field names of a record schema, shortened for messages: {@code id, customerId, …}. */
    public static String fieldList(Schema record) {
        List<String> names = record.getFields().stream().map(Schema.Field::name).toList();
        if (names.size() <= FIELDS_SHOWN) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, FIELDS_SHOWN)) + ", …";
    }

    /** Dotted paths of every field tagged {@code PII}, nested records included, e.g. {@code address.street}. */
    public static List<String> piiFields(Schema schema) {
        List<String> found = new ArrayList<>();
        collectPii(schema, "", found, new HashSet<>());
        return found;
    }

    private static void collectPii(Schema schema, String prefix, List<String> found, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                // Recursive types (a record holding itself) would otherwise loop forever.
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                for (Schema.Field field : schema.getFields()) {
                    String fieldPath = prefix + field.name();
                    if (hasTag(field, PII)) {
                        found.add(fieldPath);
                    }
                    collectPii(field.schema(), fieldPath + ".", found, seen);
                }
                seen.remove(schema.getFullName());
            }
            case UNION -> schema.getTypes().forEach(branch -> collectPii(branch, prefix, found, seen));
            case ARRAY -> collectPii(schema.getElementType(), prefix, found, seen);
            case MAP -> collectPii(schema.getValueType(), prefix, found, seen);
            default -> { }
        }
    }

    /** Whether {@code field} carries {@code tag} in its {@code tags} property. */
    public static boolean hasTag(Schema.Field field, String tag) {
        return tags(field).contains(tag);
    }

    /** The strings in the field's {@code tags} property, empty when it has none. */
    public static List<String> tags(Schema.Field field) {
        Object tags = field.getObjectProp(TAGS);
        if (!(tags instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    /** Whether a key field of this type can be written as a UTF-8 string key. */
    public static boolean usableAsKey(Schema schema) {
        return switch (schema.getType()) {
            case STRING, INT, LONG -> true;
            default -> false;
        };
    }

    /** A short rendering of a field type for messages, e.g. {@code ["null","string"]}. */
    public static String typeName(Schema schema) {
        return switch (schema.getType()) {
            case UNION -> schema.toString();
            case RECORD, ENUM, FIXED -> schema.getFullName();
            default -> schema.getType().getName();
        };
    }

    // Avro passes on Jackson's parse errors with the exception class and a redacted-source note in the text.
    private static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        return message.replaceAll("\\s*\\R\\s*", " ")
                .replaceAll("^(?:[a-z]\\w*\\.)+\\w*(?:Exception|Error): ", "")
                .replaceAll("\\[Source: [^;]*; ", "[")
                .trim();
    }
}
