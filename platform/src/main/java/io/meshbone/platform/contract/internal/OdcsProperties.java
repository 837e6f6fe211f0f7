package io.meshbone.platform.contract.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** Describes Avro fields as ODCS schema properties (logical type, physical type, required, tags) for catalog readers. */
final class OdcsProperties {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OdcsProperties() {
    }

    /** One ODCS property per field of {@code record}. */
    static ArrayNode of(Schema record, String classification, String keyField) {
        ArrayNode properties = JSON.arrayNode();
        for (Schema.Field field : record.getFields()) {
            ObjectNode property = properties.addObject();
            property.put("name", field.name());
            Schema type = field.schema();
            boolean nullable = type.getType() == Schema.Type.UNION && type.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
            Schema effective = nonNull(type);
            describe(property, effective, classification);
            property.put("required", !nullable);
            if (field.name().equals(keyField)) {
                property.put("primaryKey", true);
                property.put("primaryKeyPosition", 1);
            }
            if (field.doc() != null) {
                property.put("description", field.doc());
            }
            property.put("classification", classification);
            if (!AvroFiles.tags(field).isEmpty()) {
                ArrayNode tags = property.putArray("tags");
                AvroFiles.tags(field).forEach(tags::add);
            }
        }
        return properties;
    }

    private static void describe(ObjectNode property, Schema type, String classification) {
        String logical = logicalType(type);
        if (logical != null) {
            property.put("logicalType", logical);
        }
        property.put("physicalType", physicalType(type));
        if (type.getType() == Schema.Type.RECORD) {
            property.set("properties", of(type, classification, null));
        } else if (type.getType() == Schema.Type.ARRAY) {
            ObjectNode items = property.putObject("items");
            describe(items, nonNull(type.getElementType()), classification);
        }
    }

    private static Schema nonNull(Schema type) {
        if (type.getType() != Schema.Type.UNION) {
            return type;
        }
        var branches = type.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        return branches.size() == 1 ? branches.get(0) : type;
    }

    private static String logicalType(Schema type) {
        LogicalType logical = type.getLogicalType();
        if (logical instanceof LogicalTypes.Date) {
            return "date";
        }
        if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.TimestampMicros
                || logical instanceof LogicalTypes.LocalTimestampMillis || logical instanceof LogicalTypes.LocalTimestampMicros) {
            return "timestamp";
        }
        if (logical instanceof LogicalTypes.TimeMillis || logical instanceof LogicalTypes.TimeMicros) {
            return "time";
        }
        if (logical instanceof LogicalTypes.Decimal) {
            return "number";
        }
        return switch (type.getType()) {
            case STRING, ENUM, BYTES, FIXED -> "string";
            case INT, LONG -> "integer";
            case FLOAT, DOUBLE -> "number";
            case BOOLEAN -> "boolean";
            case RECORD, MAP -> "object";
            case ARRAY -> "array";
            default -> null;
        };
    }

    /** The Avro type as written in a schema, e.g. {@code long (timestamp-millis)} or {@code bytes (decimal(12,2))}. */
    private static String physicalType(Schema type) {
        LogicalType logical = type.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return type.getType().getName() + " (decimal(" + decimal.getPrecision() + "," + decimal.getScale() + "))";
        }
        if (logical != null) {
            return type.getType().getName() + " (" + logical.getName() + ")";
        }
        return switch (type.getType()) {
            case RECORD, ENUM, FIXED -> type.getType().getName() + " " + type.getFullName();
            case ARRAY -> "array";
            case MAP -> "map<string, " + type.getValueType().getType().getName() + ">";
            case UNION -> type.toString();
            default -> type.getType().getName();
        };
    }
}
