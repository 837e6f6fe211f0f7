package io.meshbone.governance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.meshbone.governance.internal.RegistrySchemaLookup;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * One timed run of each variant: a new exactly-once Streams application reading its input from the start, with the
 * gate's own Streams config and the producer settings under test.
 */
final class ThroughputRuns {

    static final String PASSTHROUGH_IN = "bench.passthrough.in";
    static final String PASSTHROUGH_OUT = "bench.passthrough.out";

    private final BenchMesh mesh;
    private final BenchSettings settings;

    ThroughputRuns(BenchMesh mesh, BenchSettings settings) {
        this.mesh = mesh;
        this.settings = settings;
    }

    /** Records/s of a plain passthrough, optionally stamping the gate's five lineage headers (same names, same sizes). */
    Run passthrough(String compression, boolean stampHeaders) throws Exception {
        AtomicLong processed = new AtomicLong();
        StreamsBuilder builder = new StreamsBuilder();
        KStream<byte[], byte[]> stream = builder.stream(PASSTHROUGH_IN, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .peek((key, value) -> processed.incrementAndGet());
        if (stampHeaders) {
            stream = stream.processValues(HeaderStamper::new);
        }
        stream.to(PASSTHROUGH_OUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        return measure(builder.build(), config(stampHeaders ? "bench-stamping-" : "bench-passthrough-", compression), processed::get);
    }

    /** One run: its rate, and the CPU its threads and the rest of the JVM (the broker) used while it ran. */
    record Run(double rate, ThreadCpu.Split cpu, long records) {

        /** Microseconds of CPU per record of the app's stream thread, its other threads, and the rest of the JVM. */
        double[] microsPerRecord() {
            return new double[] {cpu.streamThread() / 1e3 / records, cpu.appOther() / 1e3 / records, cpu.rest() / 1e3 / records,
                    cpu.total() / 1e3 / records};
        }
    }

    /** Records/s of the record gate, counting every record it judged (passed or dead-lettered). */
    Run gate(String compression) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistryClientSettings.of(mesh.registryUrl()));
        Topology topology = RecordGate.topology(new RegistrySchemaLookup(client), meters, product -> { });
        return measure(topology, config("bench-record-gate-", compression), new GateCount(meters));
    }

    /** The gate's records-in count, found once the gate has registered it rather than searched for on every poll. */
    private static final class GateCount implements LongSupplier {

        private final SimpleMeterRegistry meters;
        private Counter counter;

        GateCount(SimpleMeterRegistry meters) {
            this.meters = meters;
        }

        @Override
        public long getAsLong() {
            if (counter == null) {
                counter = meters.find("mesh.gate.records.in").tag("product", BenchMesh.PRODUCT).counter();
            }
            return counter == null ? 0 : (long) counter.count();
        }
    }

    private Properties config(String applicationPrefix, String compression) {
        Properties config = RecordGate.streamsConfig(mesh.bootstrapServers(), mesh.stateDir().resolve(applicationPrefix).toString());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationPrefix + UUID.randomUUID());
        if (compression != null) {
            BenchCodec.parse(compression).producerConfigs().forEach((name, value) -> config.put(StreamsConfig.producerPrefix(name), value));
        }
        if (settings.lingerMs() != null) {
            config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), settings.lingerMs());
        }
        if (settings.batchBytes() != null) {
            config.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), settings.batchBytes());
        }
        return config;
    }

    /**
     * Records per second from the first processed record to the first commit after the last one: under exactly-once
     * the records are only written once their transaction commits, so the tail flush counts; start-up does not.
     */
    private Run measure(Topology topology, Properties config, LongSupplier processed) throws Exception {
        int records = settings.records();
        try (KafkaStreams streams = new KafkaStreams(topology, config)) {
            streams.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            long startCount;
            while ((startCount = processed.getAsLong()) == 0) {
                failAfter(deadline, processed, records);
                Thread.sleep(1);
            }
            long start = System.nanoTime();
            ThreadCpu cpuAtStart = ThreadCpu.now();
            while (processed.getAsLong() < records) {
                failAfter(deadline, processed, records);
                Thread.sleep(1);
            }
            double commitsBefore = commits(streams);
            while (commits(streams) <= commitsBefore) {
                failAfter(deadline, processed, records);
                Thread.sleep(1);
            }
            long measured = records - startCount;
            ThreadCpu.Split cpu = ThreadCpu.now().since(cpuAtStart, config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
            return new Run(measured / ((System.nanoTime() - start) / 1e9), cpu, measured);
        }
    }

    private static double commits(KafkaStreams streams) {
        return streams.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals("commit-total") && metric.getKey().group().equals("stream-thread-metrics"))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
                .sum();
    }

    private static void failAfter(long deadline, LongSupplier processed, int records) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("only " + processed.getAsLong() + " of " + records + " records in 5 minutes");
        }
    }

    /** Stamps what the gate stamps on a passing payment: the same five header names with values of the same length. */
    private static final class HeaderStamper implements FixedKeyProcessor<byte[], byte[], byte[]> {

        private static final byte[] PRODUCT = utf8(BenchMesh.PRODUCT);
        private static final byte[] DOMAIN = utf8("payments");
        private static final byte[] SCHEMA_ID = utf8("1");
        private static final byte[] GATE_TS = utf8("2026-11-29T03:11:08.123Z");

        private FixedKeyProcessorContext<byte[], byte[]> context;

        @Override
        public void init(FixedKeyProcessorContext<byte[], byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<byte[], byte[]> record) {
            var metadata = context.recordMetadata().orElseThrow();
            Headers headers = record.headers();
            headers.add(LineageHeaders.SOURCE, utf8(LineageHeaders.source(BenchMesh.STAGING, metadata.partition(), metadata.offset())));
            headers.add(LineageHeaders.PRODUCT, PRODUCT);
            headers.add(LineageHeaders.DOMAIN, DOMAIN);
            headers.add(LineageHeaders.SCHEMA_ID, SCHEMA_ID);
            headers.add(LineageHeaders.GATE_TIMESTAMP, GATE_TS);
            context.forward(record);
        }

        private static byte[] utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
