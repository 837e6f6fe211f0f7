package io.meshbone.governance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.meshbone.governance.internal.RegistrySchemaLookup;
import io.meshbone.localkafka.LocalKafka;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.meshbone.platform.serde.MeshAvroSerializer;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Pushes the same N records through a plain exactly-once Kafka Streams passthrough and through the
 * record gate, on one broker in one run, and prints both rates, their ratio, and Kafka's own
 * ProducerPerformance rate as the ceiling.
 *
 * <p>Run: {@code mvn -B -q -Pgate-bench -pl governance-topology -am verify -DskipTests -Dbench.records=200000}
 */
public final class GateBenchmark {

    private static final String PRODUCT = "payments.payment-settled";
    private static final String STAGING = PRODUCT + ".v1.staging";
    private static final int PARTITIONS = 6;
    private static final int ROUNDS = 3;

    private GateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path stateDir = Files.createTempDirectory("gate-bench-");
        try (LocalKafka kafka = LocalKafka.startSingleNode();
             SchemaRegistryServer registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers()).withPort(0))) {
            Map<String, Object> client = kafka.clientConfig();
            String passthroughIn = "bench.passthrough.in";
            // Created first: by the time they are filled every partition has settled on its leader.
            createTopics(client, passthroughIn, "bench.passthrough.out", "bench.producer-perf");
            listPaymentsProduct(client, registry, stateDir);
            byte[][] values = encode(registry, records);
            fill(client, passthroughIn, values);
            fill(client, STAGING, values);

            double ceiling = producerPerformance(kafka.bootstrapServers(), records, values[0].length);
            // Alternate the two, each run a new application reading the same input from the start: the machine is noisy.
            double[] passthroughRuns = new double[ROUNDS];
            double[] headerRuns = new double[ROUNDS];
            double[] gateRuns = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                passthroughRuns[round] = passthrough(kafka.bootstrapServers(), stateDir, passthroughIn, records, false);
                headerRuns[round] = passthrough(kafka.bootstrapServers(), stateDir, passthroughIn, records, true);
                gateRuns[round] = gate(kafka.bootstrapServers(), registry, stateDir, records);
                System.out.printf("round %d: passthrough %,.0f/s, passthrough+headers %,.0f/s, gate %,.0f/s%n",
                        round + 1, passthroughRuns[round], headerRuns[round], gateRuns[round]);
            }
            double passthrough = median(passthroughRuns);
            double withHeaders = median(headerRuns);
            double gate = median(gateRuns);

            System.out.printf("%n%d records of %d bytes, %d partitions, exactly_once_v2, 1 stream thread, one in-process broker;"
                    + " medians of %d alternating runs%n%n", records, values[0].length, PARTITIONS, ROUNDS);
            System.out.println("| run | records/s | ÷ passthrough |");
            System.out.println("|---|---:|---:|");
            System.out.printf("| Kafka ProducerPerformance (ceiling, acks=all) | %,.0f | %.2f |%n", ceiling, ceiling / passthrough);
            System.out.printf("| Kafka Streams passthrough (EOS) | %,.0f | 1.00 |%n", passthrough);
            System.out.printf("| passthrough stamping the same lineage headers (diagnostic) | %,.0f | %.2f |%n",
                    withHeaders, withHeaders / passthrough);
            System.out.printf("| Meshbone record gate (EOS) | %,.0f | %.2f |%n", gate, gate / passthrough);
        }
    }

    private static void listPaymentsProduct(Map<String, Object> client, SchemaRegistryServer registry, Path stateDir) throws Exception {
        GovernanceSettings settings = new GovernanceSettings(client, registry.url().toString(), stateDir.resolve("governance"),
                new SimpleMeterRegistry(), Duration.ofSeconds(30));
        try (Governance governance = Governance.start(settings);
             ContractClient contracts = new ContractClient(client);
             Admin admin = Admin.create(client)) {
            Path descriptor = Payments.SCHEMAS_DIR.resolve("payments").resolve("payment-settled.product.yaml");
            Decision decision = contracts.apply(ContractClient.request(descriptor, "payments/payment-settled.product.yaml", "User:bench"),
                    Duration.ofSeconds(60));
            if (!decision.accepted()) {
                throw new IllegalStateException("the benchmark contract was rejected: " + decision.reasons());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!admin.listTopics().names().get().contains(STAGING)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the provisioner did not create " + STAGING);
                }
                Thread.sleep(100);
            }
        }
    }

    private static byte[][] encode(SchemaRegistryServer registry, int records) {
        MeshAvroSerializer<GenericRecord> serializer = new MeshAvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", registry.url().toString(), "auto.register.schemas", false,
                "use.latest.version", true), false);
        byte[][] values = new byte[records][];
        for (int i = 0; i < records; i++) {
            values[i] = serializer.serialize(STAGING, Payments.payment("order-" + i, "19.99"));
        }
        return values;
    }

    private static void fill(Map<String, Object> client, String topic, byte[][] values) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < values.length; i++) {
                producer.send(new ProducerRecord<>(topic, ("order-" + i).getBytes(StandardCharsets.UTF_8), values[i]));
            }
        }
    }

    private static double producerPerformance(String bootstrap, int records, int recordSize) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(new String[] {"--topic", "bench.producer-perf", "--num-records", Integer.toString(records),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "linger.ms=20", "batch.size=262144"});
        } finally {
            System.setOut(original);
        }
        Matcher rate = Pattern.compile(records + " records sent, ([\\d.]+) records/sec").matcher(captured.toString(StandardCharsets.UTF_8));
        if (!rate.find()) {
            throw new IllegalStateException("no summary in ProducerPerformance's output: " + captured);
        }
        return Double.parseDouble(rate.group(1));
    }

    private static double passthrough(String bootstrap, Path stateDir, String input, int records, boolean headers) throws Exception {
        AtomicLong processed = new AtomicLong();
        StreamsBuilder builder = new StreamsBuilder();
        var stream = builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .peek((key, value) -> processed.incrementAndGet());
        if (headers) {
            // Same names and value sizes as the gate stamps: isolates what the extra bytes cost.
            stream = stream.processValues(() -> new org.apache.kafka.streams.processor.api.FixedKeyProcessor<byte[], byte[], byte[]>() {
                private org.apache.kafka.streams.processor.api.FixedKeyProcessorContext<byte[], byte[]> context;

                @Override
                public void init(org.apache.kafka.streams.processor.api.FixedKeyProcessorContext<byte[], byte[]> context) {
                    this.context = context;
                }

                @Override
                public void process(org.apache.kafka.streams.processor.api.FixedKeyRecord<byte[], byte[]> record) {
                    var h = record.headers();
                    h.add("mesh.source", (STAGING + "/3/123456").getBytes(StandardCharsets.UTF_8));
                    h.add("mesh.product", PRODUCT.getBytes(StandardCharsets.UTF_8));
                    h.add("mesh.domain", "payments".getBytes(StandardCharsets.UTF_8));
                    h.add("mesh.schema.id", "1".getBytes(StandardCharsets.UTF_8));
                    h.add("mesh.gate.ts", "2026-11-29T03:11:08.123Z".getBytes(StandardCharsets.UTF_8));
                    context.forward(record);
                }
            });
        }
        stream.to("bench.passthrough.out", Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        Properties config = RecordGate.streamsConfig(bootstrap, stateDir.resolve("passthrough").toString());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-passthrough-" + UUID.randomUUID());
        return measure(builder.build(), config, processed::get, records);
    }

    private static double gate(String bootstrap, SchemaRegistryServer registry, Path stateDir, int records) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistryClientSettings.of(registry.url().toString()));
        Topology topology = RecordGate.topology(new RegistrySchemaLookup(client), meters, product -> { });
        Properties config = RecordGate.streamsConfig(bootstrap, stateDir.resolve("gate").toString());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-record-gate-" + UUID.randomUUID());
        return measure(topology, config, () -> (long) (meters.counter("mesh.gate.records.out", "product", PRODUCT).count()
                + meters.find("mesh.gate.records.dlq").counters().stream().mapToDouble(c -> c.count()).sum()), records);
    }

    /** Records per second between the first processed record and the last, so start-up does not count. */
    private static double measure(Topology topology, Properties config, LongSupplier processed, int records) throws Exception {
        try (KafkaStreams streams = new KafkaStreams(topology, config)) {
            streams.start();
            long startCount;
            long start;
            while ((startCount = processed.getAsLong()) == 0) {
                Thread.onSpinWait();
            }
            start = System.nanoTime();
            long deadline = start + Duration.ofMinutes(10).toNanos();
            while (processed.getAsLong() < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + processed.getAsLong() + " of " + records + " records in 10 minutes");
                }
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return (records - startCount) / seconds;
        }
    }

    private static double median(double[] runs) {
        double[] sorted = runs.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void createTopics(Map<String, Object> client, String... topics) throws Exception {
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(topics).stream().map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList()).all().get();
            // Producing before every partition has a leader makes the producer retry its first batches at length.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!admin.describeTopics(List.of(topics)).allTopicNames().get().values().stream()
                    .allMatch(topic -> topic.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("partitions of " + List.of(topics) + " have no leader after 30 s");
                }
                Thread.sleep(50);
            }
        }
    }
}
