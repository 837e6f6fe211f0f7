package io.meshbone.governance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.meshbone.governance.internal.RegistrySchemaLookup;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * End-to-end latency, staging → record gate → product topic → {@code read_committed} consumer, at fixed open-loop
 * rates, for several gate commit intervals, beside a baseline in the same run: the same producer and consumer on a
 * topic without the gate.
 *
 * <p>Run: {@code mvn -B -q -Platency-bench -pl governance-topology -am verify -DskipTests} with optional
 * {@code -Dbench.rates=1000,10000 -Dbench.seconds=10 -Dbench.warmup.seconds=10 -Dbench.commit.ms=shipped,100,50,20}.
 */
public final class LatencyBenchmark {

    private static final String BASELINE = "bench.latency.baseline";
    private static final String SHIPPED = "shipped";

    private LatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> rates = ints(System.getProperty("bench.rates", "1000,10000"));
        Duration measured = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.warmup.seconds", 10));
        List<String> commitIntervals = Arrays.stream(System.getProperty("bench.commit.ms", "shipped,100,50,20").split(","))
                .map(String::trim).toList();
        List<String> tables = new ArrayList<>();
        try (BenchMesh mesh = BenchMesh.start()) {
            mesh.recreateTopics(mesh.productTopicConfigs(), BASELINE);
            PaddedPayments payments = new PaddedPayments(mesh.registryUrl());
            int size = ExampleRecordSizes.all().get(BenchSettings.DEFAULT_PRODUCT);
            for (int rate : rates) {
                StringBuilder table = new StringBuilder(String.format("%n#### %,d records/s of %d bytes, %d s measured after %d s"
                        + " warm-up%n%n| path | commit.interval.ms | p50 ms | p90 ms | p99 ms | max ms | records |%n"
                        + "|---|---:|---:|---:|---:|---:|---:|%n", rate, size, measured.toSeconds(), warmUp.toSeconds()));
                table.append(row("plain producer → consumer, no gate", "—",
                        run(mesh, BASELINE, payments, size, rate, warmUp, measured)));
                for (String interval : commitIntervals) {
                    Properties config = gateConfig(mesh, interval);
                    try (KafkaStreams gate = startGate(mesh, config)) {
                        table.append(row("staging → record gate → product topic", describe(interval, config),
                                run(mesh, BenchMesh.STAGING, payments, size, rate, warmUp, measured, BenchMesh.TOPIC)));
                    }
                }
                table.append(String.format("%nload average at the end: %s%n", loadAverage()));
                tables.add(table.toString());
                System.out.println(table);
            }
        }
        System.out.println("\n==== all tables ====");
        tables.forEach(System.out::println);
    }

    private static Result run(BenchMesh mesh, String topic, PaddedPayments payments, int size, int rate, Duration warmUp,
                              Duration measured) throws Exception {
        return run(mesh, topic, payments, size, rate, warmUp, measured, topic);
    }

    /** Sends to {@code topic} at the rate, and measures on {@code consumed} what was due after the warm-up. */
    private static Result run(BenchMesh mesh, String topic, PaddedPayments payments, int size, int rate, Duration warmUp,
                              Duration measured, String consumed) throws Exception {
        int expected = (int) (rate * measured.toSeconds());
        try (LatencyProbe probe = new LatencyProbe(mesh.clientConfig(), consumed, expected)) {
            probe.measureFrom(System.nanoTime() + warmUp.toNanos());
            PacedSender.send(mesh.clientConfig(), topic, payments, size, rate, warmUp.plus(measured));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (probe.count() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            probe.close();
            return new Result(probe.percentilesMillis(), probe.count(), expected);
        }
    }

    private static Properties gateConfig(BenchMesh mesh, String interval) {
        Properties config = RecordGate.streamsConfig(mesh.bootstrapServers(), mesh.stateDir().resolve("latency-gate").toString());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-latency-gate-" + UUID.randomUUID());
        // A new gate starts at the end of staging: earlier runs' records are not this run's.
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "latest");
        if (!SHIPPED.equals(interval)) {
            config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Integer.parseInt(interval));
        }
        return config;
    }

    private static KafkaStreams startGate(BenchMesh mesh, Properties config) throws InterruptedException {
        SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistryClientSettings.of(mesh.registryUrl()));
        KafkaStreams gate = new KafkaStreams(RecordGate.topology(new RegistrySchemaLookup(client), new SimpleMeterRegistry(),
                product -> { }), config);
        gate.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (gate.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                gate.close();
                throw new IllegalStateException("the record gate is " + gate.state() + " after 60 s, not RUNNING");
            }
            Thread.sleep(50);
        }
        return gate;
    }

    private static String describe(String interval, Properties config) {
        String value = config.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG).toString();
        return SHIPPED.equals(interval) ? value + " (shipped)" : value;
    }

    private static String row(String path, String commitInterval, Result result) {
        double[] p = result.percentiles();
        return String.format("| %s | %s | %.1f | %.1f | %.1f | %.1f | %,d%s |%n", path, commitInterval, p[0], p[1], p[2], p[3],
                result.count(), result.count() < result.expected() ? " of " + String.format("%,d", result.expected()) : "");
    }

    private record Result(double[] percentiles, int count, int expected) {
    }

    private static List<Integer> ints(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
