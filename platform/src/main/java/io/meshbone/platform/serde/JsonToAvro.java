package io.meshbone.platform.serde;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Plain JSON (as people write it) to Avro data: decimals from numbers, timestamps from numbers or ISO-8601 text,
 * enums from their symbol, unions from whichever branch fits. The inverse of {@link AvroJson}.
 */
public final class JsonToAvro {

    private JsonToAvro() {
    }

    /** The JSON object as a record of {@code schema}; the message names the field at fault and what was expected. */
    public static GenericRecord record(JsonNode json, Schema schema) {
        return (GenericRecord) convert(json, schema, "");
    }

    private static Object convert(JsonNode json, Schema schema, String path) {
        LogicalType logical = schema.getLogicalType();
        switch (schema.getType()) {
            case RECORD -> {
                if (!json.isObject()) {
                    throw fail(path, "an object for record " + schema.getName(), json);
                }
                GenericRecord record = new GenericData.Record(schema);
                for (Schema.Field field : schema.getFields()) {
                    String at = path.isEmpty() ? field.name() : path + "." + field.name();
                    JsonNode value = json.get(field.name());
                    if (value == null || value.isMissingNode()) {
                        if (!field.hasDefaultValue()) {
                            throw new IllegalArgumentException(at + ": missing; the schema requires it (" + field.schema().getType().getName() + ")");
                        }
                        record.put(field.pos(), GenericData.get().getDefaultValue(field));
                    } else {
                        record.put(field.pos(), convert(value, field.schema(), at));
                    }
                }
                json.fieldNames().forEachRemaining(name -> {
                    if (schema.getField(name) == null) {
                        throw new IllegalArgumentException((path.isEmpty() ? name : path + "." + name)
                                + ": not a field of " + schema.getName());
                    }
                });
                return record;
            }
            case UNION -> {
                List<String> tried = new ArrayList<>();
                for (Schema branch : schema.getTypes()) {
                    if (branch.getType() == Schema.Type.NULL) {
                        if (json.isNull()) {
                            return null;
                        }
                        continue;
                    }
                    try {
                        return convert(json, branch, path);
                    } catch (IllegalArgumentException e) {
                        tried.add(branch.getType().getName());
                    }
                }
                throw fail(path, "one of " + tried + (schema.isNullable() ? " or null" : ""), json);
            }
            case ENUM -> {
                if (!json.isTextual() || !schema.getEnumSymbols().contains(json.asText())) {
                    throw fail(path, "one of " + schema.getEnumSymbols(), json);
                }
                return new GenericData.EnumSymbol(schema, json.asText());
            }
            case ARRAY -> {
                if (!json.isArray()) {
                    throw fail(path, "an array", json);
                }
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < json.size(); i++) {
                    items.add(convert(json.get(i), schema.getElementType(), path + "[" + i + "]"));
                }
                return new GenericData.Array<>(schema, items);
            }
            case MAP -> {
                if (!json.isObject()) {
                    throw fail(path, "an object", json);
                }
                Map<String, Object> map = new HashMap<>();
                json.fields().forEachRemaining(e -> map.put(e.getKey(), convert(e.getValue(), schema.getValueType(), path + "." + e.getKey())));
                return map;
            }
            case BYTES -> {
                if (logical instanceof LogicalTypes.Decimal decimal) {
                    if (!json.isNumber() && !json.isTextual()) {
                        throw fail(path, "a decimal number", json);
                    }
                    try {
                        BigDecimal value = new BigDecimal(json.asText()).setScale(decimal.getScale(), RoundingMode.UNNECESSARY);
                        return new Conversions.DecimalConversion().toBytes(value, schema, logical);
                    } catch (ArithmeticException | NumberFormatException e) {
                        throw fail(path, "a decimal with at most " + decimal.getScale() + " fraction digits", json);
                    }
                }
                if (!json.isTextual()) {
                    throw fail(path, "base64 text", json);
                }
                return java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(json.asText()));
            }
            case STRING -> {
                if (!json.isTextual()) {
                    throw fail(path, "a string", json);
                }
                return json.asText();
            }
            case INT -> {
                if (!json.canConvertToInt() || !json.isIntegralNumber()) {
                    throw fail(path, "an int", json);
                }
                return json.intValue();
            }
            case LONG -> {
                if (json.isTextual() && logical != null && logical.getName().startsWith("timestamp")) {
                    try {
                        return Instant.parse(json.asText()).toEpochMilli();
                    } catch (DateTimeParseException e) {
                        throw fail(path, "epoch millis or an ISO-8601 instant", json);
                    }
                }
                if (!json.isIntegralNumber() || !json.canConvertToLong()) {
                    throw fail(path, logical == null ? "a long" : "epoch millis or an ISO-8601 instant", json);
                }
                return json.longValue();
            }
            case FLOAT, DOUBLE -> {
                if (!json.isNumber()) {
                    throw fail(path, "a number", json);
                }
                return schema.getType() == Schema.Type.FLOAT ? (Object) json.floatValue() : (Object) json.doubleValue();
            }
            case BOOLEAN -> {
                if (!json.isBoolean()) {
                    throw fail(path, "true or false", json);
                }
                return json.booleanValue();
            }
            case NULL -> {
                if (!json.isNull()) {
                    throw fail(path, "null", json);
                }
                return null;
            }
            default -> throw new IllegalArgumentException(path + ": unsupported Avro type " + schema.getType());
        }
    }

    private static IllegalArgumentException fail(String path, String expected, JsonNode got) {
        String kind = got.isNull() ? "null" : got.isTextual() ? "a string" : got.isNumber() ? "a number"
                : got.isBoolean() ? "a boolean" : got.isArray() ? "an array" : "an object";
        return new IllegalArgumentException((path.isEmpty() ? "record" : path) + ": expected " + expected + ", got " + kind);
    }
}
