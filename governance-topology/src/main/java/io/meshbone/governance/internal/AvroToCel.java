package io.meshbone.governance.internal;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.ByteString;
import com.google.protobuf.NullValue;
import com.google.protobuf.Timestamp;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * Turns a decoded Avro value into the values CEL expects: maps, lists, int64, double, string, bytes, timestamps.
 *
 * <p>Decimals become doubles, so rules compare money as {@code value.amount > 0}; CEL has no decimal.
 * {@code timestamp-millis} becomes a CEL timestamp, so rules can use {@code timestamp('…')}.
 */
public final class AvroToCel {

    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private AvroToCel() {
    }

    public static Object convert(Object value, Schema schema) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        return switch (schema.getType()) {
            case RECORD -> record((GenericRecord) value);
            case UNION -> convert(value, schema.getTypes().get(GenericData.get().resolveUnion(schema, value)));
            case ARRAY -> list((List<?>) value, schema.getElementType());
            case MAP -> map((Map<?, ?>) value, schema.getValueType());
            case STRING, ENUM -> value.toString();
            case INT -> logical(schema, ((Integer) value).longValue());
            case LONG -> logical(schema, (Long) value);
            case FLOAT -> ((Float) value).doubleValue();
            case DOUBLE, BOOLEAN -> value;
            case BYTES -> bytes((ByteBuffer) value, schema);
            case FIXED -> fixed((GenericFixed) value, schema);
            case NULL -> NullValue.NULL_VALUE;
        };
    }

    // Rules read a field or two of a record: convert each field when a rule first reads it.
    private static Map<String, Object> record(GenericRecord record) {
        return new LazyRecord(record);
    }

    private static final class LazyRecord extends java.util.AbstractMap<String, Object> {
        private final GenericRecord record;
        private Map<String, Object> converted;
        // CEL's field select asks containsKey, then get, with the same name: look the field up once.
        private Object lastName;
        private Schema.Field lastField;

        LazyRecord(GenericRecord record) {
            this.record = record;
        }

        @Override
        public Object get(Object name) {
            Schema.Field field = field(name);
            return field == null ? null : convert(record.get(field.pos()), field.schema());
        }

        @Override
        public boolean containsKey(Object name) {
            return field(name) != null;
        }

        private Schema.Field field(Object name) {
            if (name != lastName) {
                lastField = name instanceof String text ? record.getSchema().getField(text) : null;
                lastName = name;
            }
            return lastField;
        }

        @Override
        public int size() {
            return record.getSchema().getFields().size();
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            if (converted == null) {
                converted = new HashMap<>();
                for (Schema.Field field : record.getSchema().getFields()) {
                    converted.put(field.name(), convert(record.get(field.pos()), field.schema()));
                }
            }
            return converted.entrySet();
        }
    }

    private static List<Object> list(List<?> values, Schema elementType) {
        List<Object> converted = new ArrayList<>(values.size());
        values.forEach(value -> converted.add(convert(value, elementType)));
        return converted;
    }

    private static Map<String, Object> map(Map<?, ?> values, Schema valueType) {
        Map<String, Object> converted = new HashMap<>();
        values.forEach((key, value) -> converted.put(key.toString(), convert(value, valueType)));
        return converted;
    }

    private static Object logical(Schema schema, long value) {
        LogicalType logicalType = schema.getLogicalType();
        if (logicalType instanceof LogicalTypes.TimestampMillis) {
            return Timestamp.newBuilder().setSeconds(Math.floorDiv(value, 1000L))
                    .setNanos((int) Math.floorMod(value, 1000L) * 1_000_000).build();
        }
        if (logicalType instanceof LogicalTypes.TimestampMicros) {
            return Timestamp.newBuilder().setSeconds(Math.floorDiv(value, 1_000_000L))
                    .setNanos((int) Math.floorMod(value, 1_000_000L) * 1000).build();
        }
        return value;
    }

    private static Object bytes(ByteBuffer buffer, Schema schema) {
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal decimalType) {
            double small = smallDecimal(buffer, decimalType.getScale());
            if (!Double.isNaN(small)) {
                return small;
            }
            BigDecimal decimal = DECIMALS.fromBytes(buffer.duplicate(), schema, schema.getLogicalType());
            return decimal.doubleValue();
        }
        return ByteString.copyFrom(buffer.duplicate());
    }

    /**
     * A decimal of at most six bytes (an unscaled value below 2^47, so exactly a double) with a scale from 0 to 22 (so
     * 10^scale is exactly a double) as one correctly rounded division: the double {@link BigDecimal#doubleValue()} gives,
     * without building a BigInteger and a BigDecimal per record. NaN when the decimal is not that small.
     */
    static double smallDecimal(ByteBuffer buffer, int scale) {
        int length = buffer.remaining();
        if (length == 0 || length > 6 || scale < 0 || scale >= POWERS_OF_TEN.length) {
            return Double.NaN;
        }
        int at = buffer.position();
        long unscaled = buffer.get(at);
        for (int i = 1; i < length; i++) {
            unscaled = (unscaled << 8) | (buffer.get(at + i) & 0xff);
        }
        return scale == 0 ? (double) unscaled : (double) unscaled / POWERS_OF_TEN[scale];
    }

    /** {@link #smallDecimal(ByteBuffer, int)} of the decimal's two's-complement bytes {@code bytes[offset, offset + length)}. */
    static double smallDecimal(byte[] bytes, int offset, int length, int scale) {
        if (length == 0 || length > 6 || scale < 0 || scale >= POWERS_OF_TEN.length) {
            return Double.NaN;
        }
        long unscaled = bytes[offset];
        for (int i = 1; i < length; i++) {
            unscaled = (unscaled << 8) | (bytes[offset + i] & 0xff);
        }
        return scale == 0 ? (double) unscaled : (double) unscaled / POWERS_OF_TEN[scale];
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private static Object fixed(GenericFixed fixed, Schema schema) {
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal) {
            return DECIMALS.fromFixed(fixed, schema, schema.getLogicalType()).doubleValue();
        }
        return ByteString.copyFrom(fixed.bytes());
    }
}
