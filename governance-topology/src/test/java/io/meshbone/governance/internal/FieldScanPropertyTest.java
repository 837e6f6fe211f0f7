package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.meshbone.platform.control.ListedProduct;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;

/**
 * The gate's {@link FieldScan} path against decoding every value in full (the path before it): the same verdict, reason
 * text and warning counts for random records of every Avro type, valid or with a byte flipped, cut or added, and keys
 * equal or not; and for valid records the scan's numbers are exactly {@link AvroToCel}'s.
 */
class FieldScanPropertyTest {

    private static final int SCHEMA_ID = 7;
    private static final String AVSC = """
            {"type": "record", "name": "Everything", "namespace": "test.scan", "fields": [
              {"name": "id", "type": "string", "doc": "Key."},
              {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 18, "scale": 2}, "doc": "A."},
              {"name": "count", "type": "int", "doc": "C."},
              {"name": "total", "type": "long", "doc": "T."},
              {"name": "ratio", "type": "double", "doc": "R."},
              {"name": "share", "type": "float", "doc": "S."},
              {"name": "flag", "type": "boolean", "doc": "F."},
              {"name": "nothing", "type": "null", "doc": "N."},
              {"name": "raw", "type": "bytes", "doc": "B."},
              {"name": "code", "type": {"type": "fixed", "name": "Code", "size": 3}, "doc": "X."},
              {"name": "colour", "type": {"type": "enum", "name": "Colour", "symbols": ["RED", "GREEN", "BLUE"]}, "doc": "E."},
              {"name": "note", "type": ["null", "string", "long"], "doc": "U."},
              {"name": "items", "type": {"type": "array", "items": {"type": "record", "name": "Item", "fields": [
                {"name": "sku", "type": "string", "doc": "K."}, {"name": "qty", "type": "int", "doc": "Q."}]}}, "doc": "I."},
              {"name": "tags", "type": {"type": "map", "values": "long"}, "doc": "M."}
            ]}""";
    private static final Schema SCHEMA = new Schema.Parser().parse(AVSC);
    private static final String DESCRIPTOR = """
            apiVersion: meshbone/v1
            kind: DataProduct
            metadata:
              name: everything
              domain: scans
              owner: team-scans@example.com
              description: Every Avro type.
            spec:
              version: 1.0.0
              type: event
              key: {field: id}
              value: {schema: everything.avsc}
              compatibility: BACKWARD
              classification: internal
              partitions: 1
              quality:
                - {name: positive-amount, rule: "value.amount > 0", onFailure: dlq}
                - {name: counted, rule: "value.count >= 1", onFailure: warn}
                - {name: bounded-total, rule: "value.total < 1000000", onFailure: dlq}
                - {name: small-ratio, rule: "value.ratio <= 100.5", onFailure: warn}
                - {name: share, rule: "value.share > -1.0", onFailure: warn}
                - {name: capped-amount, rule: "value.amount <= 99999", onFailure: dlq}
            """;
    private static final List<String> RULES = List.of("positive-amount", "counted", "bounded-total", "small-ratio", "share",
            "capped-amount");
    private static final ListedProduct LISTING = new ListedProduct("scans.everything", "everything.product.yaml", DESCRIPTOR,
            Map.of("everything.avsc", AVSC), SCHEMA_ID, null, "req-scan", "User:test", Instant.now(), false);

    private final GatedProduct scanned = product();
    private final GatedProduct decoded = product();
    private final SchemaLookup registry = (subject, id) -> subject.equals(scanned.valueSubject()) && id == SCHEMA_ID
            ? Optional.of(SCHEMA) : Optional.empty();
    private final RecordChecks scanning = new RecordChecks(registry);
    private final RecordChecks decodingInFull = RecordChecks.decodingInFull(registry);

    @Property(tries = 3000)
    void judgesEveryRecordAsTheFullDecodeDoes(@ForAll("records") GenericRecord record, @ForAll boolean blocking,
                                              @ForAll("mutations") Mutation mutation, @ForAll("keys") KeyChoice keyChoice) {
        byte[] value = mutation.apply(framed(record, blocking));
        byte[] key = keyChoice.key(record.get("id").toString());

        String fast = outcome(() -> scanning.check(scanned, key, value));
        String full = outcome(() -> decodingInFull.check(decoded, key, value));

        assertThat(fast).isEqualTo(full);
        for (String rule : RULES) {
            assertThat(scanned.ruleWarnings(rule).count()).as(rule).isEqualTo(decoded.ruleWarnings(rule).count());
        }
        Statistics.label("verdict").collect(full.split("[ :]")[0]);
    }

    /** The verdict, or what the checks threw (the gate's processor makes that a CHECK_FAILED dead letter). */
    private static String outcome(java.util.function.Supplier<Verdict> check) {
        try {
            Verdict verdict = check.get();
            return verdict.passed() ? "passed " + verdict.schemaId() : verdict.error() + ": " + verdict.reason();
        } catch (RuntimeException e) {
            return "threw " + e;
        }
    }

    @Property(tries = 1000)
    void readsTheNumbersAvroToCelGivesAndTheKeysBytes(@ForAll("records") GenericRecord record, @ForAll boolean blocking)
            throws IOException {
        byte[] value = framed(record, blocking);
        FieldScan scan = scanned.fieldScan(SCHEMA_ID, SCHEMA);
        assertThat(scan).isNotNull();
        FieldScan.Scanned read = new FieldScan.Scanned().fitting(scan);
        boolean answered = scan.scan(new SliceDecoder().reset(value, 5, value.length - 5), read);

        int amountBytes = ((ByteBuffer) record.get("amount")).remaining();
        // Decimals over six bytes (or none) are left to the full decode.
        assertThat(answered).isEqualTo(amountBytes > 0 && amountBytes <= 6);
        if (answered) {
            GenericRecord full = new GenericDatumReader<GenericRecord>(SCHEMA).read(null,
                    new SliceDecoder().reset(value, 5, value.length - 5));
            List<String> fields = List.of("amount", "count", "total", "ratio", "share", "amount");
            for (int i = 0; i < fields.size(); i++) {
                Schema.Field field = SCHEMA.getField(fields.get(i));
                assertThat(scan.number(read, i)).as(fields.get(i))
                        .isEqualTo(AvroToCel.convert(full.get(field.pos()), field.schema()));
            }
            assertThat(Arrays.copyOfRange(value, read.keyStart, read.keyEnd))
                    .isEqualTo(record.get("id").toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Example
    void productsWhoseRulesNeedCelOrWhoseKeysAreAvroAreAlwaysDecodedInFull() {
        String celRule = DESCRIPTOR.replace("value.count >= 1", "size(value.id) > 0");
        ListedProduct listing = new ListedProduct("scans.everything", "everything.product.yaml", celRule,
                Map.of("everything.avsc", AVSC), SCHEMA_ID, null, "req-cel", "User:test", Instant.now(), false);
        GatedProduct product = new GatedProduct(listing, listing.contract().orThrow(), new SimpleMeterRegistry());

        assertThat(product.fieldScan(SCHEMA_ID, SCHEMA)).isNull();
        assertThat(scanned.fieldScan(SCHEMA_ID, SCHEMA)).isNotNull();
    }

    @Example
    void aRecursiveSchemaOrAKeyOrComparedFieldOfAnotherTypeGetsNoScan() {
        Schema recursive = new Schema.Parser().parse("""
                {"type": "record", "name": "Node", "fields": [{"name": "id", "type": "string"},
                  {"name": "amount", "type": "long"}, {"name": "next", "type": ["null", "Node"]}]}""");
        Schema unionKey = new Schema.Parser().parse("""
                {"type": "record", "name": "U", "fields": [{"name": "id", "type": ["null", "string"]},
                  {"name": "amount", "type": "long"}]}""");
        Schema timestamp = new Schema.Parser().parse("""
                {"type": "record", "name": "T", "fields": [{"name": "id", "type": "string"},
                  {"name": "amount", "type": {"type": "long", "logicalType": "timestamp-millis"}}]}""");

        assertThat(FieldScan.of(recursive, "id", List.of("amount"))).isEmpty();
        assertThat(FieldScan.of(unionKey, "id", List.of("amount"))).isEmpty();
        assertThat(FieldScan.of(timestamp, "id", List.of("amount"))).isEmpty();
        assertThat(FieldScan.of(SCHEMA, "id", List.of("missing"))).isEmpty();
        assertThat(FieldScan.of(SCHEMA, "id", List.of("amount", "count"))).isPresent();
    }

    @Provide
    Arbitrary<GenericRecord> records() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(12);
        Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(Arbitraries.longs().between(-100_000_00L, 100_000_00L).map(BigInteger::valueOf),
                Arbitraries.longs().map(BigInteger::valueOf));
        Arbitrary<Double> ratio = Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.of(Double.NaN, -0.0, 0.0, 100.5,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        Arbitrary<Float> share = Arbitraries.oneOf(Arbitraries.floats(), Arbitraries.of(Float.NaN, -1.0f, -0.0f));
        Arbitrary<Object> note = Arbitraries.oneOf(Arbitraries.just(null), text.map(t -> t), Arbitraries.longs().map(l -> l));
        Arbitrary<List<GenericRecord>> items = Combinators.combine(text, Arbitraries.integers())
                .as(FieldScanPropertyTest::item).list().ofMaxSize(3);
        Arbitrary<Map<String, Long>> tags = Arbitraries.maps(text, Arbitraries.longs()).ofMaxSize(3).map(LinkedHashMap::new);
        Arbitrary<Object[]> numbers = Combinators.combine(unscaled, Arbitraries.integers(), Arbitraries.longs()
                .between(-5, 2_000_000), ratio, share).as((a, c, t, r, s) -> new Object[] {a, c, t, r, s});
        Arbitrary<Object[]> rest = Combinators.combine(Arbitraries.of(true, false), Arbitraries.bytes().array(byte[].class)
                .ofMaxSize(6), Arbitraries.bytes().array(byte[].class).ofSize(3), Arbitraries.of("RED", "GREEN", "BLUE"), note,
                items, tags).as((f, raw, code, colour, n, list, map) -> new Object[] {f, raw, code, colour, n, list, map});
        return Combinators.combine(text, numbers, rest).as(FieldScanPropertyTest::record);
    }

    private static GenericRecord record(String id, Object[] numbers, Object[] rest) {
        GenericRecord record = new GenericData.Record(SCHEMA);
        record.put("id", id);
        BigInteger unscaled = (BigInteger) numbers[0];
        // Zero bytes is no valid decimal, but a producer may send it: the full decode's answer must stay the answer.
        record.put("amount", ByteBuffer.wrap(unscaled.signum() == 0 && id.length() % 2 == 0 ? new byte[0] : unscaled.toByteArray()));
        record.put("count", numbers[1]);
        record.put("total", numbers[2]);
        record.put("ratio", numbers[3]);
        record.put("share", numbers[4]);
        record.put("flag", rest[0]);
        record.put("nothing", null);
        record.put("raw", ByteBuffer.wrap((byte[]) rest[1]));
        record.put("code", new GenericData.Fixed(SCHEMA.getField("code").schema(), (byte[]) rest[2]));
        record.put("colour", new GenericData.EnumSymbol(SCHEMA.getField("colour").schema(), (String) rest[3]));
        record.put("note", rest[4]);
        record.put("items", rest[5]);
        record.put("tags", rest[6]);
        return record;
    }

    private static GenericRecord item(String sku, int qty) {
        GenericRecord item = new GenericData.Record(SCHEMA.getField("items").schema().getElementType());
        item.put("sku", sku);
        item.put("qty", qty);
        return item;
    }

    /** Valid bytes most of the time; otherwise one byte changed, the record cut short, or a byte added. */
    record Mutation(int kind, int at, byte to) {
        byte[] apply(byte[] framed) {
            int body = framed.length - 5;
            int index = 5 + Math.floorMod(at, Math.max(1, body));
            return switch (kind) {
                case 1 -> {
                    byte[] changed = framed.clone();
                    if (body > 0) {
                        changed[index] = to;
                    }
                    yield changed;
                }
                case 2 -> Arrays.copyOf(framed, Math.min(framed.length, index));
                case 3 -> {
                    byte[] longer = Arrays.copyOf(framed, framed.length + 1);
                    longer[framed.length] = to;
                    yield longer;
                }
                default -> framed;
            };
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().greaterOrEqual(0), Arbitraries.bytes())
                .as((kind, at, to) -> new Mutation(kind > 3 ? 0 : kind, at, to));
    }

    /** The key sent beside the value: the id's bytes, other bytes, invalid UTF-8, or none. */
    record KeyChoice(int kind) {
        byte[] key(String id) {
            return switch (kind) {
                case 1 -> (id + "x").getBytes(StandardCharsets.UTF_8);
                case 2 -> new byte[] {(byte) 0xff, (byte) 0xfe};
                case 3 -> null;
                default -> id.getBytes(StandardCharsets.UTF_8);
            };
        }
    }

    @Provide
    Arbitrary<KeyChoice> keys() {
        return Arbitraries.integers().between(0, 6).map(kind -> new KeyChoice(kind > 3 ? 0 : kind));
    }

    private static GatedProduct product() {
        return new GatedProduct(LISTING, LISTING.contract().orThrow(), new SimpleMeterRegistry());
    }

    private static byte[] framed(GenericRecord record, boolean blocking) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0);
            out.writeBytes(ByteBuffer.allocate(4).putInt(SCHEMA_ID).array());
            Encoder encoder = blocking ? EncoderFactory.get().blockingBinaryEncoder(out, null)
                    : EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(SCHEMA).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
