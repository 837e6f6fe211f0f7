package io.meshbone.governance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * The staged size of one typical record of every example product: its schema from {@code schemas/}, filled with values
 * shaped like the demo generator's (ids such as {@code order-k3x9a-1234}, names, e-mail addresses), Avro-encoded in
 * Confluent's frame (5 bytes before the body).
 */
final class ExampleRecordSizes {

    private static final Pattern VALUE_SCHEMA = Pattern.compile("value:\\s*\\{\\s*schema:\\s*([\\w.-]+)");
    private static final long TIMESTAMP = 1_764_000_000_000L;
    // What the demo generator puts in fields of these names; other strings get their field's name.
    private static final Map<String, String> STRINGS = Map.ofEntries(
            Map.entry("customerId", "customer-k3x9a-17"),
            Map.entry("orderId", "order-k3x9a-1234"),
            Map.entry("paymentId", "payment-order-k3x9a-1234"),
            Map.entry("deliveryId", "delivery-order-k3x9a-1234"),
            Map.entry("fullName", "Grace Hopper"),
            Map.entry("recipientName", "Grace Hopper"),
            Map.entry("email", "grace.hopper17@example.com"),
            Map.entry("phone", "+491704711007"),
            Map.entry("country", "DE"),
            Map.entry("currency", "EUR"),
            Map.entry("region", "EMEA"));

    private ExampleRecordSizes() {
    }

    /** Product name to framed value size in bytes, in product-name order. */
    static Map<String, Integer> all() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        try (Stream<Path> descriptors = Files.walk(Payments.SCHEMAS_DIR, 2)) {
            descriptors.filter(path -> path.getFileName().toString().endsWith(".product.yaml")).sorted().forEach(descriptor -> {
                String domain = descriptor.getParent().getFileName().toString();
                String product = descriptor.getFileName().toString().replace(".product.yaml", "");
                sizes.put(domain + "." + product, framedSize(descriptor));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the example contracts in " + Payments.SCHEMAS_DIR, e);
        }
        return sizes;
    }

    private static int framedSize(Path descriptor) {
        try {
            Matcher schemaFile = VALUE_SCHEMA.matcher(Files.readString(descriptor));
            if (!schemaFile.find()) {
                throw new IllegalStateException(descriptor + " has no spec.value.schema");
            }
            Schema schema = new Schema.Parser().parse(descriptor.resolveSibling(schemaFile.group(1)).toFile());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(schema).write(sample(schema), encoder);
            encoder.flush();
            return 5 + out.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + descriptor, e);
        }
    }

    private static GenericRecord sample(Schema schema) {
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            record.put(field.name(), value(field.name(), field.schema()));
        }
        return record;
    }

    private static Object value(String field, Schema schema) {
        return switch (schema.getType()) {
            // Optional fields the demo leaves empty most of the time (a status change's reason) stay null.
            case UNION -> STRINGS.containsKey(field) ? value(field, schema.getTypes().get(1)) : null;
            case STRING -> STRINGS.getOrDefault(field, field);
            case LONG -> schema.getLogicalType() == null ? 42L : TIMESTAMP;
            case INT -> 3;
            case ENUM -> new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get(0));
            case BYTES -> decimal(schema);
            case RECORD -> sample(schema);
            default -> throw new IllegalStateException("no sample value for " + field + " of type " + schema.getType());
        };
    }

    private static Object decimal(Schema schema) {
        LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) schema.getLogicalType();
        BigDecimal amount = new BigDecimal("199.99").setScale(decimal.getScale(), RoundingMode.HALF_UP);
        return new Conversions.DecimalConversion().toBytes(amount, schema, decimal);
    }
}
