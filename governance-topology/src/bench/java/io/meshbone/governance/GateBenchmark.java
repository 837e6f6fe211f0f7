package io.meshbone.governance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Pushes the same records through a plain exactly-once Kafka Streams passthrough, the same passthrough stamping the
 * gate's five lineage headers, and the record gate, alternating, on one broker in one run; one table per record
 * size and producer compression, with the medians of the rounds, their spread, and the per-round ratios.
 *
 * <p>Run: {@code mvn -B -q -Pgate-bench -pl governance-topology -am verify -DskipTests} with optional
 * {@code -Dbench.records=20000 -Dbench.rounds=5 -Dbench.sizes=payments.payment-settled,1024 (or all) -Dbench.compression=none,gzip,gzip:1,lz4,zstd
 * -Dbench.linger.ms=… -Dbench.batch.size=… -Dbench.warmup.rounds=1}; a codec's level follows a colon ({@code gzip:1},
 * {@link BenchCodec}); {@code shipped} in the compression list asks for the provisioned configs at every size.
 */
public final class GateBenchmark {

    private static final String SHIPPED = BenchSettings.SHIPPED;

    private GateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Map<String, Integer> sizes = sizes(settings.sizes());
        try (BenchMesh mesh = BenchMesh.start()) {
            ThroughputRuns runs = new ThroughputRuns(mesh, settings);
            PaddedPayments payments = new PaddedPayments(mesh.registryUrl());
            Map<String, String> productConfigs = mesh.productTopicConfigs();
            Map<String, String> stagingConfigs = mesh.topicConfigs(BenchMesh.STAGING);
            mesh.recreateTopics(productConfigs, ThroughputRuns.PASSTHROUGH_OUT);
            System.out.printf("%nproduct topic configs (as provisioned): %s; gate producer defaults: %s%n", productConfigs,
                    shippedProducer());
            List<String> printed = new ArrayList<>();
            boolean first = true;
            for (Map.Entry<String, Integer> size : sizes.entrySet()) {
                List<byte[]> values = new ArrayList<>(settings.records());
                List<String> keys = new ArrayList<>(settings.records());
                for (int i = 0; i < settings.records(); i++) {
                    keys.add(PaddedPayments.orderId(i));
                    values.add(payments.payment(i, size.getValue()));
                }
                // Both inputs hold only this size's records, so each new application reads exactly them.
                mesh.recreateTopics(Map.of(), ThroughputRuns.PASSTHROUGH_IN);
                mesh.recreateTopics(stagingConfigs, BenchMesh.STAGING);
                mesh.fill(ThroughputRuns.PASSTHROUGH_IN, keys, values);
                mesh.fill(BenchMesh.STAGING, keys, values);
                List<String> compressions = new ArrayList<>(settings.compression());
                if (first) {
                    compressions.remove(SHIPPED);
                    compressions.add(0, SHIPPED);
                    warmUp(runs, settings);
                    first = false;
                }
                for (String compression : compressions) {
                    BenchCodec codec = SHIPPED.equals(compression) ? null : BenchCodec.parse(compression);
                    String topicCodec = codec == null ? productConfigs.get("compression.type") : codec.topicType();
                    mesh.setCompression(topicCodec, codec == null ? null : codec.level(), BenchMesh.TOPIC,
                            ThroughputRuns.PASSTHROUGH_OUT);
                    System.err.printf("%s: output topics' compression configs %s%n", compression,
                            compressionConfigs(mesh.topicConfigs(ThroughputRuns.PASSTHROUGH_OUT)));
                    String table = table(runs, settings, size.getKey(), values.get(0).length, compression);
                    printed.add(table);
                    System.out.println(table);
                }
            }
            System.out.printf("%n==== all tables (uptime at the end: %s) ====%n", uptime());
            printed.forEach(System.out::println);
        }
    }

    /** Untimed rounds of the three apps on the shipped configs: the first table's rounds are then not the JIT's warm-up. */
    private static void warmUp(ThroughputRuns runs, BenchSettings settings) throws Exception {
        for (int round = 0; round < settings.warmupRounds(); round++) {
            ThroughputRuns.Run[] ran = {runs.passthrough(null, false), runs.passthrough(null, true), runs.gate(null)};
            System.err.printf("warm-up round %d (not counted): passthrough %,.0f/s, stamping %,.0f/s, gate %,.0f/s%n", round + 1,
                    ran[0].rate(), ran[1].rate(), ran[2].rate());
        }
    }

    private static String table(ThroughputRuns runs, BenchSettings settings, String sizeName, int bytes, String compression)
            throws Exception {
        String codec = SHIPPED.equals(compression) ? null : compression;
        Rounds passthrough = new Rounds(settings.rounds());
        Rounds stamping = new Rounds(settings.rounds());
        Rounds gate = new Rounds(settings.rounds());
        Rounds gateToPassthrough = new Rounds(settings.rounds());
        Rounds gateToStamping = new Rounds(settings.rounds());
        CpuRounds cpu = new CpuRounds(settings.rounds());
        // Alternate the three, each run a new application reading the same input from the start: the machine is noisy.
        // Each round starts with the next one of the three, so none always runs after the same other.
        for (int round = 0; round < settings.rounds(); round++) {
            ThroughputRuns.Run[] ran = new ThroughputRuns.Run[3];
            for (int turn = 0; turn < 3; turn++) {
                int variant = (round + turn) % 3;
                ran[variant] = variant == 0 ? runs.passthrough(codec, false) : variant == 1 ? runs.passthrough(codec, true) : runs.gate(codec);
            }
            double plain = ran[0].rate();
            double stamped = ran[1].rate();
            double gated = ran[2].rate();
            passthrough.add(plain);
            stamping.add(stamped);
            gate.add(gated);
            gateToPassthrough.add(gated / plain);
            gateToStamping.add(gated / stamped);
            cpu.add(ran);
            System.err.printf("%s %d B %s round %d: passthrough %,.0f/s, stamping %,.0f/s, gate %,.0f/s; CPU µs/record %s%n",
                    sizeName, bytes, compression, round + 1, plain, stamped, gated, CpuRounds.describe(ran));
        }
        StringBuilder out = new StringBuilder();
        String producer = SHIPPED.equals(compression) ? "shipped gate producer defaults " + shippedProducer()
                : BenchCodec.parse(compression).heading() + " (producer and output topics)" + overrides(settings);
        out.append(String.format("%n#### %d-byte records (%s), %s%n%n", bytes, sizeName, producer));
        out.append(String.format("%,d records, %d partitions, exactly_once_v2, 1 stream thread, one in-process broker;"
                + " medians of %d alternating rounds (min–max), after %d untimed warm-up round(s); load average %s%n%n",
                settings.records(), BenchMesh.PARTITIONS, settings.rounds(), settings.warmupRounds(), uptime()));
        out.append("| run | records/s | ÷ passthrough | ÷ stamping passthrough |\n|---|---:|---:|---:|\n");
        out.append(String.format("| Kafka Streams passthrough (EOS) | %s | 1.00 | |%n", rate(passthrough)));
        out.append(String.format("| Kafka Streams passthrough stamping the same headers (EOS) | %s | | 1.00 |%n", rate(stamping)));
        out.append(String.format("| Meshbone record gate (EOS) | %s | %s | %s |%n", rate(gate), ratio(gateToPassthrough),
                ratio(gateToStamping)));
        out.append(cpu.table());
        return out.toString();
    }

    private static Map<String, Integer> sizes(List<String> wanted) {
        Map<String, Integer> examples = ExampleRecordSizes.all();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        // The first table is the shipped defaults at payment-settled's size, whatever else is asked for.
        sizes.put(BenchSettings.DEFAULT_PRODUCT, examples.get(BenchSettings.DEFAULT_PRODUCT));
        for (String size : wanted) {
            if (size.equals("all")) {
                sizes.putAll(examples);
                sizes.put("1 KiB", 1024);
            } else if (size.chars().allMatch(Character::isDigit)) {
                sizes.put(size + " B", Integer.parseInt(size));
            } else if (examples.containsKey(size)) {
                sizes.put(size, examples.get(size));
            } else {
                throw new IllegalArgumentException("bench.sizes: '" + size + "' is neither a byte count, 'all', nor one of "
                        + examples.keySet());
            }
        }
        return sizes;
    }

    private static Map<String, String> compressionConfigs(Map<String, String> topicConfigs) {
        Map<String, String> compression = new java.util.TreeMap<>();
        topicConfigs.forEach((name, value) -> {
            if (name.startsWith("compression.")) {
                compression.put(name, value);
            }
        });
        return compression;
    }

    private static String shippedProducer() {
        var config = RecordGate.streamsConfig("localhost:9092", "/tmp");
        return "commit.interval.ms=" + config.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)
                + ", compression.type=" + config.getOrDefault(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "none")
                + (config.containsKey(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_GZIP_LEVEL_CONFIG))
                        ? ", compression.gzip.level=" + config.get(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_GZIP_LEVEL_CONFIG)) : "")
                + ", linger.ms=" + config.getOrDefault(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "100 (Streams' default)")
                + ", batch.size=" + config.getOrDefault(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), "16384");
    }

    private static String overrides(BenchSettings settings) {
        return (settings.lingerMs() == null ? "" : ", linger.ms=" + settings.lingerMs())
                + (settings.batchBytes() == null ? "" : ", batch.size=" + settings.batchBytes());
    }

    private static String rate(Rounds rounds) {
        return String.format("%,.0f (%,.0f–%,.0f)", rounds.median(), rounds.min(), rounds.max());
    }

    private static String ratio(Rounds rounds) {
        return String.format("%.2f (%.2f–%.2f)", rounds.median(), rounds.min(), rounds.max());
    }

    private static String uptime() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
