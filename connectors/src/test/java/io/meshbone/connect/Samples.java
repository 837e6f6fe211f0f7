package io.meshbone.connect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Example Avro schemas of the repository and deterministic sample datums for any Avro schema. */
public final class Samples {

    private Samples() {
    }

    /** Every {@code schemas/<domain>/*.avsc} of the repository, parsed. */
    public static List<Schema> exampleSchemas() {
        Path root = Path.of("..", "schemas");
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> avsc = files.filter(p -> p.toString().endsWith(".avsc") && !p.toString().contains("src"))
                    .sorted().toList();
            List<Schema> out = new ArrayList<>();
            for (Path file : avsc) {
                out.add(new Schema.Parser().parse(file.toFile()));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the example schemas under " + root.toAbsolutePath(), e);
        }
    }

    /** The example schema with this simple record name. */
    public static Schema example(String name) {
        return exampleSchemas().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    /** A datum of {@code schema} whose values depend on {@code seed}; unions alternate between null and a value. */
    public static Object datum(Schema schema, int seed) {
        return switch (schema.getType()) {
            case NULL -> null;
            case BOOLEAN -> seed % 2 == 0;
            case INT -> schema.getLogicalType() instanceof LogicalTypes.Date ? 19_000 + seed
                    : schema.getLogicalType() instanceof LogicalTypes.TimeMillis ? 3_600_000 + seed * 1000 : 40 + seed;
            case LONG -> schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
                    ? 1_767_225_600_000L + seed * 3_600_000L : 7_000_000_000L + seed;
            case FLOAT -> 1.5f + seed;
            case DOUBLE -> 2.25 + seed;
            case STRING -> "text-" + seed + "-é";
            case BYTES -> schema.getLogicalType() instanceof LogicalTypes.Decimal d
                    ? ByteBuffer.wrap(BigDecimal.valueOf(123_456L + seed * 101L, d.getScale()).unscaledValue().toByteArray())
                    : ByteBuffer.wrap(new byte[] {(byte) seed, 0, -1});
            case FIXED -> new GenericData.Fixed(schema, BigInteger.valueOf(seed).toByteArray().length <= schema.getFixedSize()
                    ? pad(BigInteger.valueOf(seed).toByteArray(), schema.getFixedSize()) : new byte[schema.getFixedSize()]);
            case ENUM -> new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get(seed % schema.getEnumSymbols().size()));
            case ARRAY -> List.of(datum(schema.getElementType(), seed), datum(schema.getElementType(), seed + 1));
            case MAP -> {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("k" + seed, datum(schema.getValueType(), seed));
                yield map;
            }
            case UNION -> datum(schema.getTypes().get(seed % schema.getTypes().size()), seed);
            case RECORD -> {
                GenericData.Record record = new GenericData.Record(schema);
                for (Schema.Field field : schema.getFields()) {
                    record.put(field.pos(), datum(field.schema(), seed + field.pos()));
                }
                yield record;
            }
        };
    }

    private static byte[] pad(byte[] bytes, int size) {
        byte[] out = new byte[size];
        System.arraycopy(bytes, 0, out, size - bytes.length, bytes.length);
        return out;
    }

    /** A schema with every Avro shape the example schemas do not use: arrays, maps, nested records, wide unions, fixed. */
    public static Schema kitchenSink() {
        return new Schema.Parser().parse("""
                {"type": "record", "name": "KitchenSink", "namespace": "io.meshbone.test", "fields": [
                  {"name": "flag", "type": "boolean"},
                  {"name": "ratio", "type": "float"},
                  {"name": "score", "type": "double"},
                  {"name": "blob", "type": "bytes"},
                  {"name": "hash", "type": {"type": "fixed", "name": "Md5", "size": 16}},
                  {"name": "price", "type": {"type": "fixed", "name": "Price", "size": 8, "logicalType": "decimal", "precision": 10, "scale": 3}},
                  {"name": "day", "type": {"type": "int", "logicalType": "date"}},
                  {"name": "clock", "type": {"type": "int", "logicalType": "time-millis"}},
                  {"name": "tags", "type": {"type": "array", "items": "string"}},
                  {"name": "counts", "type": {"type": "map", "values": "long"}},
                  {"name": "address", "type": {"type": "record", "name": "Address", "fields": [
                    {"name": "street", "type": "string"},
                    {"name": "zip", "type": ["null", "int"], "default": null}]}},
                  {"name": "history", "type": {"type": "array", "items": "Address"}},
                  {"name": "choice", "type": ["null", "string", "long", "Address"], "default": null},
                  {"name": "when", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}], "default": null},
                  {"name": "level", "type": {"type": "enum", "name": "Level", "symbols": ["LOW", "HIGH"]}, "default": "LOW"},
                  {"name": "retries", "type": "int", "default": 3}
                ]}""");
    }

    /** The datum's Avro binary encoding under {@code schema}, without any framing. */
    public static byte[] binary(Schema schema, Object datum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<>(schema, GenericData.get()).write(datum, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
