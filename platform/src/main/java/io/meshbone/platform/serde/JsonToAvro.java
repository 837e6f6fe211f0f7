package io.meshbone.platform.serde;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Plain JSON (as people write it) to Avro data: exact decimals from numbers or numeric text (bytes or fixed),
 * timestamps, dates and times from numbers or ISO-8601 text in the logical type's own unit, fixed and bytes from
 * base64, UUIDs checked, enums from their symbol, unions from whichever branch fits. The inverse of {@link AvroJson}.
 */
public final class JsonToAvro {

    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

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
                    return DECIMALS.toBytes(decimal(json, decimal, path), schema, logical);
                }
                return ByteBuffer.wrap(base64(json, path));
            }
            case FIXED -> {
                if (logical instanceof LogicalTypes.Decimal decimal) {
                    BigDecimal value = decimal(json, decimal, path);
                    try {
                        return DECIMALS.toFixed(value, schema, logical);
                    } catch (AvroTypeException e) {
                        throw fail(path, "a decimal that fits " + schema.getFixedSize() + " bytes", json);
                    }
                }
                byte[] bytes = base64(json, path);
                if (bytes.length != schema.getFixedSize()) {
                    throw new IllegalArgumentException(at(path) + ": expected base64 of exactly " + schema.getFixedSize()
                            + " bytes for fixed " + schema.getName() + ", got " + bytes.length);
                }
                return new GenericData.Fixed(schema, bytes);
            }
            case STRING -> {
                if (!json.isTextual()) {
                    throw fail(path, logical == null ? "a string" : "a " + logical.getName() + " string", json);
                }
                if (logical != null && "uuid".equals(logical.getName())) {
                    // UUID.fromString also takes short forms like 1-1-1-1-1; only the canonical 8-4-4-4-12 form is a uuid.
                    if (!CANONICAL_UUID.matcher(json.asText()).matches()) {
                        throw fail(path, "a UUID like 123e4567-e89b-12d3-a456-426614174000", json);
                    }
                }
                return json.asText();
            }
            case INT -> {
                if (json.isTextual() && logical != null) {
                    return TemporalText.toInt(json.asText(), logical, path);
                }
                if (!json.canConvertToInt() || !json.isIntegralNumber()) {
                    throw fail(path, logical == null ? "an int" : TemporalText.expected(logical), json);
                }
                return json.intValue();
            }
            case LONG -> {
                if (json.isTextual() && logical != null) {
                    return TemporalText.toLong(json.asText(), logical, path);
                }
                if (!json.isIntegralNumber() || !json.canConvertToLong()) {
                    throw fail(path, logical == null ? "a long" : TemporalText.expected(logical), json);
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

    /** The exact decimal: numbers come from {@link io.meshbone.platform.control.MeshJson#tree} as BigDecimal, never a double. */
    private static BigDecimal decimal(JsonNode json, LogicalTypes.Decimal decimal, String path) {
        if (!json.isNumber() && !json.isTextual()) {
            throw fail(path, "a decimal number", json);
        }
        BigDecimal value;
        try {
            value = json.isNumber() ? json.decimalValue() : new BigDecimal(json.asText().trim());
        } catch (NumberFormatException e) {
            throw fail(path, "a decimal number", json);
        }
        try {
            value = value.setScale(decimal.getScale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw fail(path, "a decimal with at most " + decimal.getScale() + " fraction digits", json);
        }
        if (value.precision() > decimal.getPrecision()) {
            throw fail(path, "a decimal with at most " + decimal.getPrecision() + " digits", json);
        }
        return value;
    }

    private static byte[] base64(JsonNode json, String path) {
        if (!json.isTextual()) {
            throw fail(path, "base64 text", json);
        }
        try {
            return Base64.getDecoder().decode(json.asText());
        } catch (IllegalArgumentException e) {
            throw fail(path, "base64 text", json);
        }
    }

    static String at(String path) {
        return path.isEmpty() ? "record" : path;
    }

    static IllegalArgumentException fail(String path, String expected, JsonNode got) {
        String kind = got.isNull() ? "null" : got.isTextual() ? "a string" : got.isNumber() ? "a number"
                : got.isBoolean() ? "a boolean" : got.isArray() ? "an array" : "an object";
        return new IllegalArgumentException(at(path) + ": expected " + expected + ", got " + kind);
    }
}
