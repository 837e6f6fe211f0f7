package io.meshbone.governance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * topic without the gate. Each gate row also times the same records on staging (the no-gate part of their path, in the
 * same seconds) and counts the GC pauses while it measured, since broker, gate and clients share this JVM.
 *
 * <p>Run: {@code mvn -B -q -Platency-bench -pl governance-topology -am verify -DskipTests} with optional
 * {@code -Dbench.rates=1000,10000 -Dbench.seconds=10 -Dbench.warmup.seconds=10 -Dbench.commit.ms=shipped,100,50,20,10}
 * and {@code -Dbench.gate.overrides=producer.linger.ms=5,poll.ms=10} (Streams settings for every gate of the run),
 * {@code -Dbench.jvm.warmup.seconds=20} (an unmeasured gate run before the tables, 0 for none) and
 * {@code -Dbench.latency.rounds=1} (with more, every table again, then one of the medians over the rounds).
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
        List<String> commitIntervals = commitIntervals(System.getProperty("bench.commit.ms", "shipped,100,50,20,10"));
        Map<String, String> overrides = overrides(System.getProperty("bench.gate.overrides", ""));
        Duration jvmWarmUp = Duration.ofSeconds(Integer.getInteger("bench.jvm.warmup.seconds", 20));
        int rounds = Math.max(1, Integer.getInteger("bench.latency.rounds", 1));
        List<String> tables = new ArrayList<>();
        Map<Integer, Map<LatencyTable.Row, List<LatencyRun.Result>>> results = new LinkedHashMap<>();
        try (BenchMesh mesh = BenchMesh.start(); GcPauses gc = new GcPauses()) {
            mesh.recreateTopics(mesh.productTopicConfigs(), BASELINE);
            PaddedPayments payments = new PaddedPayments(mesh.registryUrl());
            int size = ExampleRecordSizes.all().get(BenchSettings.DEFAULT_PRODUCT);
            warmUpJvm(mesh, gc, payments, size, rates.stream().max(Integer::compare).orElseThrow(), jvmWarmUp, overrides);
            String setup = LatencyTable.setup(size, measured, warmUp, overrides);
            for (int round = 1; round <= rounds; round++) {
                for (int rate : rates) {
                    Map<LatencyTable.Row, List<LatencyRun.Result>> rows = results.computeIfAbsent(rate, r -> new LinkedHashMap<>());
                    StringBuilder table = new StringBuilder(LatencyTable.title(rate, rounds == 1 ? "" : ", round " + round + " of " + rounds,
                            setup));
                    double loadBefore = loadAverage1m();
                    progress("round %d: baseline at %,d records/s", round, rate);
                    LatencyTable.Row baseline = new LatencyTable.Row("plain producer → consumer, no gate", "—");
                    table.append(record(rows, baseline, LatencyRun.run(mesh, gc, BASELINE, BASELINE, payments, size, rate, warmUp, measured)));
                    for (String interval : commitIntervals) {
                        Properties config = gateConfig(mesh, interval, overrides);
                        progress("round %d: gate committing every %s ms at %,d records/s", round,
                                config.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG), rate);
                        try (KafkaStreams gate = startGate(mesh, config)) {
                            LatencyTable.Row row = new LatencyTable.Row("staging → record gate → product topic", describe(interval, config));
                            table.append(record(rows, row,
                                    LatencyRun.run(mesh, gc, BenchMesh.STAGING, BenchMesh.TOPIC, payments, size, rate, warmUp, measured)));
                        }
                    }
                    table.append(String.format("%nload average (1 min) before the table: %.2f; at the end: %s%n", loadBefore, loadAverage()));
                    tables.add(table.toString());
                    System.out.println(table);
                }
            }
            if (rounds > 1) {
                results.forEach((rate, rows) -> tables.add(LatencyTable.summary(rate, rounds, setup, rows)));
            }
        }
        System.out.println("\n==== all tables ====");
        tables.forEach(System.out::println);
    }

    private static String record(Map<LatencyTable.Row, List<LatencyRun.Result>> rows, LatencyTable.Row row, LatencyRun.Result result) {
        rows.computeIfAbsent(row, r -> new ArrayList<>()).add(result);
        return LatencyTable.row(row, result);
    }

    /**
     * Runs a gate once, unmeasured, before the tables: the first gate in a fresh JVM runs interpreted code (the gate's
     * checks, CEL, Avro, Streams, the broker) while the JIT compiles it, and on this loaded machine fell seconds behind
     * for the whole of its row. A gate in production runs for days; the rows measure one that is warm.
     */
    private static void warmUpJvm(BenchMesh mesh, GcPauses gc, PaddedPayments payments, int size, int rate, Duration duration,
                                  Map<String, String> overrides) throws Exception {
        if (duration.isZero()) {
            return;
        }
        progress("warming the JVM up: a gate at %,d records/s for %d s, not measured", rate, duration.toSeconds());
        try (KafkaStreams gate = startGate(mesh, gateConfig(mesh, SHIPPED, overrides))) {
            LatencyRun.run(mesh, gc, BenchMesh.STAGING, BenchMesh.TOPIC, payments, size, rate, Duration.ZERO, duration);
        }
    }

    private static Properties gateConfig(BenchMesh mesh, String interval, Map<String, String> overrides) {
        Properties config = RecordGate.streamsConfig(mesh.bootstrapServers(), mesh.stateDir().resolve("latency-gate").toString());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-latency-gate-" + UUID.randomUUID());
        // A new gate starts at the end of staging: earlier runs' records are not this run's.
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "latest");
        config.putAll(overrides);
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

    private static void progress(String format, Object... args) {
        System.err.printf("%s latency benchmark: %s%n", java.time.LocalTime.now().withNano(0), String.format(format, args));
    }

    /** The intervals to run, without a repeat of the shipped one: its row is the "shipped" one. */
    private static List<String> commitIntervals(String commaSeparated) {
        String shipped = String.valueOf(GateStreamsConfig.RECORD_GATE_COMMIT_INTERVAL_MS);
        List<String> intervals = list(commaSeparated);
        return intervals.stream().filter(i -> !(i.equals(shipped) && intervals.contains(SHIPPED))).distinct().toList();
    }

    private static List<Integer> ints(String commaSeparated) {
        return list(commaSeparated).stream().map(Integer::parseInt).toList();
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }

    /** {@code key=value,key=value} Streams settings for every gate of the run, e.g. {@code producer.linger.ms=5}. */
    private static Map<String, String> overrides(String commaSeparated) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String pair : list(commaSeparated)) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("-Dbench.gate.overrides: expected key=value, got '" + pair + "'");
            }
            overrides.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return overrides;
    }

    private static double loadAverage1m() {
        String load = loadAverage();
        try {
            return Double.parseDouble(load.split(" ")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
