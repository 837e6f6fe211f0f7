package io.meshbone.connect.internal;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/** Maps Avro schemas and generic datums to Connect schemas and values. */
public final class AvroToConnect {

    private AvroToConnect() {
    }

    /** The Connect schema of an Avro schema; a {@link DataException} for what Connect cannot express. */
    public static Schema schema(org.apache.avro.Schema avro) {
        return convert(avro, null, new HashSet<>());
    }

    private static Schema convert(org.apache.avro.Schema avro, Object avroDefault, Set<String> open) {
        return convert(avro, avroDefault, avro.getDoc(), open);
    }

    private static Schema convert(org.apache.avro.Schema avro, Object avroDefault, String doc, Set<String> open) {
        if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
            return union(avro, doc, open);
        }
        SchemaBuilder builder = builder(avro, open);
        if (doc != null) {
            builder.doc(doc);
        }
        if (avroDefault != null) {
            builder.defaultValue(value(builder.build(), avro, avroDefault));
        }
        return builder.build();
    }

    private static Schema union(org.apache.avro.Schema avro, String doc, Set<String> open) {
        List<org.apache.avro.Schema> branches = avro.getTypes().stream()
                .filter(t -> t.getType() != org.apache.avro.Schema.Type.NULL).toList();
        boolean nullable = branches.size() < avro.getTypes().size();
        if (branches.size() == 1 && nullable) {
            SchemaBuilder builder = builder(branches.get(0), open).optional();
            String branchDoc = doc != null ? doc : branches.get(0).getDoc();
            if (branchDoc != null) {
                builder.doc(branchDoc);
            }
            return builder.build();
        }
        SchemaBuilder struct = SchemaBuilder.struct().name(AvroNames.UNION);
        for (org.apache.avro.Schema branch : branches) {
            struct.field(branchName(branch), builder(branch, open).optional().build());
        }
        return nullable ? struct.optional().build() : struct.build();
    }

    /** The field name a union branch gets in the Connect struct standing for the union. */
    static String branchName(org.apache.avro.Schema branch) {
        return switch (branch.getType()) {
            case RECORD, ENUM, FIXED -> branch.getName();
            default -> branch.getType().getName();
        };
    }

    private static SchemaBuilder builder(org.apache.avro.Schema avro, Set<String> open) {
        LogicalType logical = avro.getLogicalType();
        return switch (avro.getType()) {
            case BOOLEAN -> SchemaBuilder.bool();
            case INT -> logical instanceof LogicalTypes.Date ? Date.builder()
                    : logical instanceof LogicalTypes.TimeMillis ? Time.builder()
                    : "int8".equals(avro.getProp(AvroNames.CONNECT_TYPE)) ? SchemaBuilder.int8()
                    : "int16".equals(avro.getProp(AvroNames.CONNECT_TYPE)) ? SchemaBuilder.int16()
                    : SchemaBuilder.int32();
            case LONG -> logical instanceof LogicalTypes.TimestampMillis ? Timestamp.builder() : SchemaBuilder.int64();
            case FLOAT -> SchemaBuilder.float32();
            case DOUBLE -> SchemaBuilder.float64();
            case STRING -> SchemaBuilder.string();
            case BYTES -> logical instanceof LogicalTypes.Decimal d ? decimal(d) : SchemaBuilder.bytes();
            case FIXED -> logical instanceof LogicalTypes.Decimal d ? decimal(d).parameter(AvroNames.FIXED_NAME, avro.getFullName())
                            .parameter(AvroNames.FIXED_SIZE, Integer.toString(avro.getFixedSize()))
                    : SchemaBuilder.bytes().name(avro.getFullName())
                            .parameter(AvroNames.FIXED_SIZE, Integer.toString(avro.getFixedSize()));
            case ENUM -> enumeration(avro);
            case ARRAY -> SchemaBuilder.array(convert(avro.getElementType(), null, open));
            case MAP -> SchemaBuilder.map(Schema.STRING_SCHEMA, convert(avro.getValueType(), null, open));
            case RECORD -> record(avro, open);
            case UNION -> throw new DataException("Avro union nested directly in a union: " + avro);
            case NULL -> throw new DataException("Avro null type outside a union has no Connect equivalent");
        };
    }

    private static SchemaBuilder decimal(LogicalTypes.Decimal decimal) {
        return Decimal.builder(decimal.getScale())
                .parameter(AvroNames.DECIMAL_PRECISION, Integer.toString(decimal.getPrecision()));
    }

    private static SchemaBuilder enumeration(org.apache.avro.Schema avro) {
        SchemaBuilder builder = SchemaBuilder.string().name(avro.getFullName())
                .parameter(AvroNames.ENUM, avro.getFullName());
        for (String symbol : avro.getEnumSymbols()) {
            builder.parameter(AvroNames.ENUM + "." + symbol, symbol);
        }
        return builder;
    }

    private static SchemaBuilder record(org.apache.avro.Schema avro, Set<String> open) {
        if (!open.add(avro.getFullName())) {
            throw new DataException("Recursive Avro record " + avro.getFullName() + " has no Connect equivalent");
        }
        SchemaBuilder struct = SchemaBuilder.struct().name(avro.getFullName());
        for (org.apache.avro.Schema.Field field : avro.getFields()) {
            Object avroDefault = field.hasDefaultValue() ? GenericData.get().getDefaultValue(field) : null;
            // The field's doc, not its type's, travels with the field (as Confluent's AvroData does).
            String doc = field.doc() != null ? field.doc() : field.schema().getDoc();
            struct.field(field.name(), convert(field.schema(), avroDefault, doc, open));
        }
        open.remove(avro.getFullName());
        return struct;
    }

    /** The Connect value of an Avro generic datum written with {@code avro}, shaped by {@code schema}. */
    public static Object value(Schema schema, org.apache.avro.Schema avro, Object datum) {
        if (datum == null) {
            return null;
        }
        LogicalType logical = avro.getLogicalType();
        return switch (avro.getType()) {
            case UNION -> unionValue(schema, avro, datum);
            case NULL -> null;
            case BOOLEAN, FLOAT, DOUBLE -> datum;
            case INT -> logical instanceof LogicalTypes.Date ? Date.toLogical(schema, (Integer) datum)
                    : logical instanceof LogicalTypes.TimeMillis ? Time.toLogical(schema, (Integer) datum)
                    : schema.type() == Schema.Type.INT8 ? ((Integer) datum).byteValue()
                    : schema.type() == Schema.Type.INT16 ? ((Integer) datum).shortValue()
                    : datum;
            case LONG -> logical instanceof LogicalTypes.TimestampMillis ? Timestamp.toLogical(schema, (Long) datum) : datum;
            case STRING, ENUM -> datum.toString();
            case BYTES, FIXED -> bytesValue(schema, logical, datum);
            case ARRAY -> {
                List<Object> out = new ArrayList<>();
                for (Object element : (Iterable<?>) datum) {
                    out.add(value(schema.valueSchema(), avro.getElementType(), element));
                }
                yield out;
            }
            case MAP -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) datum).entrySet()) {
                    out.put(entry.getKey().toString(), value(schema.valueSchema(), avro.getValueType(), entry.getValue()));
                }
                yield out;
            }
            case RECORD -> {
                GenericRecord record = (GenericRecord) datum;
                Struct struct = new Struct(schema);
                for (org.apache.avro.Schema.Field field : avro.getFields()) {
                    Field target = schema.field(field.name());
                    struct.put(target, value(target.schema(), field.schema(), record.get(field.pos())));
                }
                yield struct;
            }
        };
    }

    private static Object unionValue(Schema schema, org.apache.avro.Schema avro, Object datum) {
        org.apache.avro.Schema branch = avro.getTypes().get(GenericData.get().resolveUnion(avro, datum));
        if (!AvroNames.UNION.equals(schema.name())) {
            return value(schema, branch, datum);
        }
        Struct struct = new Struct(schema);
        Field field = schema.field(branchName(branch));
        struct.put(field, value(field.schema(), branch, datum));
        return struct;
    }

    private static Object bytesValue(Schema schema, LogicalType logical, Object datum) {
        if (datum instanceof BigDecimal decimal) {
            return decimal;
        }
        byte[] bytes;
        if (datum instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            bytes = new byte[copy.remaining()];
            copy.get(bytes);
        } else if (datum instanceof GenericFixed fixed) {
            bytes = fixed.bytes();
        } else {
            bytes = (byte[]) datum;
        }
        return logical instanceof LogicalTypes.Decimal ? Decimal.toLogical(schema, bytes) : bytes;
    }
}
