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

        LazyRecord(GenericRecord record) {
            this.record = record;
        }

        @Override
        public Object get(Object name) {
            Schema.Field field = name instanceof String text ? record.getSchema().getField(text) : null;
            return field == null ? null : convert(record.get(field.pos()), field.schema());
        }

        @Override
        public boolean containsKey(Object name) {
            return name instanceof String text && record.getSchema().getField(text) != null;
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
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal) {
            BigDecimal decimal = DECIMALS.fromBytes(buffer.duplicate(), schema, schema.getLogicalType());
            return decimal.doubleValue();
        }
        return ByteString.copyFrom(buffer.duplicate());
    }

    private static Object fixed(GenericFixed fixed, Schema schema) {
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal) {
            return DECIMALS.fromFixed(fixed, schema, schema.getLogicalType()).doubleValue();
        }
        return ByteString.copyFrom(fixed.bytes());
    }
}
