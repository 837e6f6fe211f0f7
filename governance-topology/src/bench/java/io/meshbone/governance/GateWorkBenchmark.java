package io.meshbone.governance;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.meshbone.governance.internal.GateProcessor;
import io.meshbone.governance.internal.GatedProducts;
import io.meshbone.governance.internal.RecordLimits;
import io.meshbone.governance.internal.SchemaLookup;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.lineage.LineageHeaders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The record gate's own per-record work, without Kafka: the real {@link GateProcessor} with the example
 * {@code payments.payment-settled} contract judges the same framed payments in a loop, beside a processor that only
 * stamps the same five headers, so a profiler (JFR) sees the gate's framing, lookups, decode, key check, CEL rule,
 * header building and size check and nothing else. Prints nanoseconds per record of both.
 *
 * <p>Run: {@code mvn -B -q -Pgate-work-bench -pl governance-topology -am verify -DskipTests [-Dbench.records=1000000]
 * [-Dbench.rounds=5]}; profile with {@code MAVEN_OPTS="-XX:StartFlightRecording=filename=gate.jfr,settings=profile"}.
 */
public final class GateWorkBenchmark {

    private static final String STORE = "bench-listings";
    private static final int SCHEMA_ID = 1;
    private static final int DISTINCT_RECORDS = 4096;

    private GateWorkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("bench.records", 1_000_000);
        int rounds = Math.max(1, Integer.getInteger("bench.rounds", 5));
        byte[][] keys = new byte[DISTINCT_RECORDS][];
        byte[][] values = new byte[DISTINCT_RECORDS][];
        for (int i = 0; i < DISTINCT_RECORDS; i++) {
            keys[i] = PaddedPayments.orderId(i).getBytes(StandardCharsets.UTF_8);
            values[i] = framed(Payments.payment(PaddedPayments.orderId(i), "19.99"));
        }
        Rounds gate = new Rounds(rounds);
        Rounds stamping = new Rounds(rounds);
        Rounds ratio = new Rounds(rounds);
        Rounds stampingBytes = new Rounds(rounds);
        Rounds gateBytes = new Rounds(rounds);
        for (int round = 0; round < rounds; round++) {
            Run stamp = run(new Stamper(), records, keys, values);
            Run judged = run(gateProcessor(), records, keys, values);
            stamping.add(stamp.nanos());
            gate.add(judged.nanos());
            ratio.add(judged.nanos() / stamp.nanos());
            stampingBytes.add(stamp.allocatedBytes());
            gateBytes.add(judged.allocatedBytes());
            System.err.printf("round %d: stamping %.0f ns/record, gate %.0f ns/record%n", round + 1, stamp.nanos(), judged.nanos());
        }
        System.out.printf("%n%,d records of %d bytes per run, %d rounds, one thread, no Kafka; medians (min–max)%n%n"
                + "| processor | ns/record | ÷ stamping | bytes allocated/record |%n|---|---:|---:|---:|%n"
                + "| stamping the five lineage headers | %.0f (%.0f–%.0f) | 1.00 | %.0f |%n"
                + "| Meshbone record gate (`GateProcessor`) | %.0f (%.0f–%.0f) | %.2f (%.2f–%.2f) | %.0f |%n",
                records, values[0].length, rounds, stamping.median(), stamping.min(), stamping.max(), stampingBytes.median(),
                gate.median(), gate.min(), gate.max(), ratio.median(), ratio.min(), ratio.max(), gateBytes.median());
    }

    /** Nanoseconds and bytes allocated (by the benchmark's thread, the record and its headers included) per record. */
    private record Run(double nanos, double allocatedBytes) {
    }

    private static Run run(Processor<byte[], byte[], byte[], byte[]> processor, int records, byte[][] keys, byte[][] values) {
        MockProcessorContext<byte[], byte[]> context = new MockProcessorContext<>();
        KeyValueStore<String, ListedProduct> listings = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE),
                Serdes.String(), MeshJson.serde(ListedProduct.class)).withLoggingDisabled().build();
        listings.init(context.getStateStoreContext(), listings);
        context.addStateStore(listings);
        listings.put(BenchMesh.PRODUCT, listing());
        processor.init(context);
        long start = 0;
        long allocatedAtStart = 0;
        // The first tenth warms up (and compiles the contract); the rest is timed.
        int warmup = records / 10;
        for (int i = 0; i < records; i++) {
            if (i == warmup) {
                allocatedAtStart = allocatedBytes();
                start = System.nanoTime();
            }
            int which = i % DISTINCT_RECORDS;
            context.setRecordMetadata(BenchMesh.STAGING, which % BenchMesh.PARTITIONS, i);
            processor.process(new Record<>(keys[which], values[which], System.currentTimeMillis(), new RecordHeaders()));
            if (which == DISTINCT_RECORDS - 1) {
                if (context.forwarded().size() != DISTINCT_RECORDS
                        || context.forwarded().get(0).record().headers().lastHeader(LineageHeaders.PRODUCT) == null) {
                    throw new IllegalStateException("expected every payment to pass with lineage headers");
                }
                context.resetForwards();
            }
        }
        double nanos = (System.nanoTime() - start) / (double) (records - warmup);
        return new Run(nanos, (allocatedBytes() - allocatedAtStart) / (double) (records - warmup));
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static GateProcessor gateProcessor() {
        Schema schema = Payments.SCHEMA;
        String subject = BenchMesh.TOPIC + "-value";
        Optional<Schema> found = Optional.of(schema);
        SchemaLookup registry = (asked, id) -> asked.equals(subject) && id == SCHEMA_ID ? found : Optional.empty();
        return new GateProcessor(STORE, new GatedProducts(new SimpleMeterRegistry(), product -> { }), registry,
                RecordLimits.PROVISIONED);
    }

    private static ListedProduct listing() {
        try {
            Path dir = Payments.SCHEMAS_DIR.resolve("payments");
            return new ListedProduct(BenchMesh.PRODUCT, "payments/payment-settled.product.yaml",
                    Files.readString(dir.resolve("payment-settled.product.yaml")),
                    Map.of("payment-settled.avsc", Files.readString(dir.resolve("payment-settled.avsc"))), SCHEMA_ID, null,
                    "bench-request", "User:bench", Instant.now(), false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] framed(GenericRecord record) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(4).putInt(SCHEMA_ID).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** What the stamping passthrough of {@link ThroughputRuns} does per record: five headers of the gate's sizes. */
    private static final class Stamper implements Processor<byte[], byte[], byte[], byte[]> {

        private static final byte[] PRODUCT = BenchMesh.PRODUCT.getBytes(StandardCharsets.UTF_8);
        private static final byte[] DOMAIN = "payments".getBytes(StandardCharsets.UTF_8);
        private static final byte[] SCHEMA = "1".getBytes(StandardCharsets.UTF_8);
        private static final byte[] GATE_TS = "2026-11-29T03:11:08.123Z".getBytes(StandardCharsets.UTF_8);

        private ProcessorContext<byte[], byte[]> context;

        @Override
        public void init(ProcessorContext<byte[], byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            var metadata = context.recordMetadata().orElseThrow();
            var headers = record.headers();
            headers.add(LineageHeaders.SOURCE, LineageHeaders.source(metadata.topic(), metadata.partition(), metadata.offset())
                    .getBytes(StandardCharsets.UTF_8));
            headers.add(LineageHeaders.PRODUCT, PRODUCT);
            headers.add(LineageHeaders.DOMAIN, DOMAIN);
            headers.add(LineageHeaders.SCHEMA_ID, SCHEMA);
            headers.add(LineageHeaders.GATE_TIMESTAMP, GATE_TS);
            context.forward(record);
        }
    }
}
