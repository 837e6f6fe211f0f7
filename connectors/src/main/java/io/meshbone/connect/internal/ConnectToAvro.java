package io.meshbone.connect.internal;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/** Maps Connect schemas and values to Avro schemas and generic datums; the inverse of {@link AvroToConnect}. */
public final class ConnectToAvro {

    private final Map<String, org.apache.avro.Schema> named = new HashMap<>();
    private int unnamed;

    private ConnectToAvro() {
    }

    /** The Avro schema of a Connect schema; optional schemas become unions with null first. */
    public static org.apache.avro.Schema schema(Schema schema) {
        return new ConnectToAvro().convert(schema);
    }

    private org.apache.avro.Schema convert(Schema schema) {
        org.apache.avro.Schema base = AvroNames.UNION.equals(schema.name()) ? union(schema) : base(schema);
        if (!schema.isOptional()) {
            return base;
        }
        if (base.getType() == org.apache.avro.Schema.Type.UNION) {
            List<org.apache.avro.Schema> types = new ArrayList<>();
            types.add(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL));
            types.addAll(base.getTypes());
            return org.apache.avro.Schema.createUnion(types);
        }
        return org.apache.avro.Schema.createUnion(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL), base);
    }

    private org.apache.avro.Schema union(Schema schema) {
        List<org.apache.avro.Schema> branches = new ArrayList<>();
        for (Field field : schema.fields()) {
            branches.add(base(field.schema()));
        }
        return org.apache.avro.Schema.createUnion(branches);
    }

    private org.apache.avro.Schema base(Schema schema) {
        String logical = schema.name();
        Map<String, String> params = schema.parameters() == null ? Map.of() : schema.parameters();
        return switch (schema.type()) {
            case INT8, INT16 -> {
                org.apache.avro.Schema avro = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT);
                avro.addProp(AvroNames.CONNECT_TYPE, schema.type().getName());
                yield avro;
            }
            case INT32 -> Date.LOGICAL_NAME.equals(logical) ? LogicalTypes.date().addToSchema(SchemaBuilder.builder().intType())
                    : Time.LOGICAL_NAME.equals(logical) ? LogicalTypes.timeMillis().addToSchema(SchemaBuilder.builder().intType())
                    : SchemaBuilder.builder().intType();
            case INT64 -> Timestamp.LOGICAL_NAME.equals(logical)
                    ? LogicalTypes.timestampMillis().addToSchema(SchemaBuilder.builder().longType())
                    : SchemaBuilder.builder().longType();
            case FLOAT32 -> SchemaBuilder.builder().floatType();
            case FLOAT64 -> SchemaBuilder.builder().doubleType();
            case BOOLEAN -> SchemaBuilder.builder().booleanType();
            case STRING -> params.containsKey(AvroNames.ENUM) ? enumeration(schema, params) : SchemaBuilder.builder().stringType();
            case BYTES -> bytes(schema, params);
            case ARRAY -> org.apache.avro.Schema.createArray(convert(schema.valueSchema()));
            case MAP -> map(schema);
            case STRUCT -> record(schema);
        };
    }

    private org.apache.avro.Schema bytes(Schema schema, Map<String, String> params) {
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            int scale = Integer.parseInt(params.get(Decimal.SCALE_FIELD));
            int precision = params.containsKey(AvroNames.DECIMAL_PRECISION)
                    ? Integer.parseInt(params.get(AvroNames.DECIMAL_PRECISION)) : AvroNames.DEFAULT_PRECISION;
            if (params.containsKey(AvroNames.FIXED_NAME)) {
                return define(params.get(AvroNames.FIXED_NAME), name -> LogicalTypes.decimal(precision, scale).addToSchema(
                        org.apache.avro.Schema.createFixed(name, null, null, Integer.parseInt(params.get(AvroNames.FIXED_SIZE)))));
            }
            return LogicalTypes.decimal(precision, scale).addToSchema(SchemaBuilder.builder().bytesType());
        }
        if (params.containsKey(AvroNames.FIXED_SIZE) && schema.name() != null) {
            return define(schema.name(), name -> org.apache.avro.Schema.createFixed(name, schema.doc(), null,
                    Integer.parseInt(params.get(AvroNames.FIXED_SIZE))));
        }
        return SchemaBuilder.builder().bytesType();
    }

    private org.apache.avro.Schema enumeration(Schema schema, Map<String, String> params) {
        String prefix = AvroNames.ENUM + ".";
        List<String> symbols = params.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList();
        return define(params.get(AvroNames.ENUM),
                name -> org.apache.avro.Schema.createEnum(name, schema.doc(), null, symbols));
    }

    private org.apache.avro.Schema map(Schema schema) {
        if (schema.keySchema().type() == Schema.Type.STRING && !schema.keySchema().isOptional()) {
            return org.apache.avro.Schema.createMap(convert(schema.valueSchema()));
        }
        org.apache.avro.Schema entry = org.apache.avro.Schema.createRecord(
                AvroNames.DEFAULT_NAMESPACE + "." + AvroNames.MAP_ENTRY + (++unnamed), null, null, false);
        entry.setFields(List.of(new org.apache.avro.Schema.Field("key", convert(schema.keySchema())),
                new org.apache.avro.Schema.Field("value", convert(schema.valueSchema()))));
        return org.apache.avro.Schema.createArray(entry);
    }

    private org.apache.avro.Schema record(Schema schema) {
        String name = schema.name() != null ? schema.name()
                : AvroNames.DEFAULT_NAMESPACE + "." + AvroNames.DEFAULT_NAME + (unnamed++ == 0 ? "" : unnamed);
        org.apache.avro.Schema known = named.get(AvroIdentifiers.fullName(name));
        if (known != null) {
            return known;
        }
        org.apache.avro.Schema record = define(name, full -> org.apache.avro.Schema.createRecord(full, schema.doc(), null, false));
        List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
        for (Field field : schema.fields()) {
            org.apache.avro.Schema fieldSchema = convert(field.schema());
            Object defaultValue = field.schema().isOptional() ? JsonProperties.NULL_VALUE : null;
            fields.add(new org.apache.avro.Schema.Field(AvroIdentifiers.name(field.name()), fieldSchema,
                    field.schema().doc(), defaultValue));
        }
        record.setFields(fields);
        return record;
    }

    private org.apache.avro.Schema define(String name, java.util.function.Function<String, org.apache.avro.Schema> factory) {
        String full = AvroIdentifiers.fullName(name);
        return named.computeIfAbsent(full, factory);
    }

    /** The Avro generic datum of a Connect value, for the Avro schema {@link #schema} made of {@code schema}. */
    public static Object value(Schema schema, org.apache.avro.Schema avro, Object value) {
        if (value == null) {
            if (!schema.isOptional() && schema.defaultValue() == null) {
                throw new DataException("Null value for a required " + schema.type() + " field");
            }
            return schema.isOptional() ? null : value(schema, avro, schema.defaultValue());
        }
        return switch (avro.getType()) {
            case UNION -> unionValue(schema, avro, value);
            case INT -> Date.LOGICAL_NAME.equals(schema.name()) ? Date.fromLogical(schema, (java.util.Date) value)
                    : Time.LOGICAL_NAME.equals(schema.name()) ? Time.fromLogical(schema, (java.util.Date) value)
                    : ((Number) value).intValue();
            case LONG -> Timestamp.LOGICAL_NAME.equals(schema.name()) ? Timestamp.fromLogical(schema, (java.util.Date) value) : value;
            case ENUM -> new GenericData.EnumSymbol(avro, value.toString());
            case BYTES -> Decimal.LOGICAL_NAME.equals(schema.name()) ? decimal(schema, avro, (BigDecimal) value)
                    : value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
            case FIXED -> new GenericData.Fixed(avro, Decimal.LOGICAL_NAME.equals(schema.name())
                    ? signExtend(decimal(schema, avro, (BigDecimal) value).array(), avro.getFixedSize())
                    : value instanceof ByteBuffer b ? bytesOf(b) : (byte[]) value);
            case ARRAY -> arrayValue(schema, avro, value);
            case MAP -> {
                Map<String, Object> out = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> out.put((String) k, value(schema.valueSchema(), avro.getValueType(), v)));
                yield out;
            }
            case RECORD -> recordValue(schema, avro, (Struct) value);
            default -> value;
        };
    }

    private static Object unionValue(Schema schema, org.apache.avro.Schema avro, Object value) {
        if (!AvroNames.UNION.equals(schema.name())) {
            org.apache.avro.Schema branch = avro.getTypes().stream()
                    .filter(t -> t.getType() != org.apache.avro.Schema.Type.NULL).findFirst().orElseThrow();
            return value(schema, branch, value);
        }
        Struct struct = (Struct) value;
        for (Field field : schema.fields()) {
            Object branchValue = struct.get(field);
            if (branchValue != null) {
                org.apache.avro.Schema branch = avro.getTypes().stream()
                        .filter(t -> AvroToConnect.branchName(t).equals(AvroIdentifiers.name(field.name())))
                        .findFirst().orElseThrow(() -> new DataException("No Avro union branch for " + field.name()));
                return value(field.schema(), branch, branchValue);
            }
        }
        return null;
    }

    private static ByteBuffer decimal(Schema schema, org.apache.avro.Schema avro, BigDecimal value) {
        int precision = ((LogicalTypes.Decimal) avro.getLogicalType()).getPrecision();
        if (value.precision() > precision) {
            throw new DataException("Decimal with " + value.precision() + " digits exceeds the schema's precision " + precision);
        }
        return ByteBuffer.wrap(Decimal.fromLogical(schema, value));
    }

    private static Object arrayValue(Schema schema, org.apache.avro.Schema avro, Object value) {
        List<Object> out = new ArrayList<>();
        if (schema.type() == Schema.Type.MAP) {
            org.apache.avro.Schema entry = avro.getElementType();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                GenericData.Record record = new GenericData.Record(entry);
                record.put(0, value(schema.keySchema(), entry.getField("key").schema(), e.getKey()));
                record.put(1, value(schema.valueSchema(), entry.getField("value").schema(), e.getValue()));
                out.add(record);
            }
            return out;
        }
        for (Object element : (List<?>) value) {
            out.add(value(schema.valueSchema(), avro.getElementType(), element));
        }
        return out;
    }

    private static GenericData.Record recordValue(Schema schema, org.apache.avro.Schema avro, Struct struct) {
        GenericData.Record record = new GenericData.Record(avro);
        List<Field> fields = schema.fields();
        for (org.apache.avro.Schema.Field field : avro.getFields()) {
            Field source = fields.get(field.pos());
            record.put(field.pos(), value(source.schema(), field.schema(), struct.get(source)));
        }
        return record;
    }

    private static byte[] signExtend(byte[] bytes, int size) {
        if (bytes.length > size) {
            throw new DataException("Decimal needs " + bytes.length + " bytes; the Avro fixed holds " + size);
        }
        byte[] out = new byte[size];
        byte sign = bytes.length > 0 && bytes[0] < 0 ? (byte) -1 : 0;
        java.util.Arrays.fill(out, 0, size - bytes.length, sign);
        System.arraycopy(bytes, 0, out, size - bytes.length, bytes.length);
        return out;
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
