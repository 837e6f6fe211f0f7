package io.meshbone.cli;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.meshbone.catalog.CatalogServer;
import io.meshbone.catalog.CatalogSettings;
import io.meshbone.governance.Governance;
import io.meshbone.governance.GovernanceSettings;
import io.meshbone.governance.Provisioner;
import io.meshbone.governance.RecordGate;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The parts downstream of the contract gate at scale, with <b>listings written directly to {@code _mesh.products},
 * bypassing the contract gate</b> (its decision rate is measured by {@link ScaleBenchmark}'s default mode): N generated
 * listings in the gate's own wire format (its {@link ListedProduct} serde), then the provisioner creating their topics,
 * the record gate starting over them and the catalog serving them. The parts start one after another in one JVM, so
 * each one's heap is the growth of the heap after GC when it started.
 *
 * <p>Run: {@code mvn -B -q -Pscale-bench -pl cli -am process-test-classes -Dbench.listings=direct -Dbench.products=1000,5000};
 * 10,000 products need {@code -Dbench.broker.processes=3} ({@link BenchKafka}).
 */
final class DirectListingsBenchmark {

    /** Partitions per product: its three one-partition topics. */
    private static final int PARTITIONS_PER_PRODUCT = 3;
    private static final long CATALOG_WARM_SECONDS = Long.getLong("bench.catalogWarmSeconds", 125);
    /** How long the record gate may take to judge one record of each product before the catalog is measured anyway. */
    private static final Duration JUDGE_LIMIT = Duration.ofMinutes(Long.getLong("bench.judgeMinutes", 30));
    /** Threads staging the one record per product, so their producer's waits for new topics' metadata overlap. */
    private static final int SENDERS = 64;
    private static final Serializer<ListedProduct> LISTINGS = MeshJson.serde(ListedProduct.class).serializer();

    private DirectListingsBenchmark() {
    }

    static void main(int[] sizes) throws Exception {
        List<String> rows = new ArrayList<>();
        for (int n : sizes) {
            String tooMany = BenchKafka.tooManyFiles((long) n * PARTITIONS_PER_PRODUCT);
            if (tooMany != null) {
                rows.add(String.format("| %,d | %s |", n, tooMany));
            } else {
                rows.add(run(n));
            }
            print(rows);
        }
    }

    private static String run(int n) throws Exception {
        Path dir = Files.createTempDirectory("scale-bench-direct-");
        Path folder = Files.createDirectories(dir.resolve("products"));
        List<String> names = BenchProducts.write(folder, n);
        List<ListedProduct> listings = new ArrayList<>();
        for (Path file : ProductApplyOrder.of(List.of(folder))) {
            listings.add(listing(ContractClient.request(file, file.getFileName().toString(), "User:bench")));
        }
        Set<String> topics = new HashSet<>();
        names.forEach(name -> topics.addAll(List.of(name + ".v1", name + ".v1.staging", name + ".v1.dlq")));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        long began = System.nanoTime();
        try (KafkaCluster kafka = BenchKafka.start(dir);
             SchemaRegistryServer registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers()).withPort(0));
             Admin admin = Admin.create(kafka.clientConfig())) {
            GovernanceSettings settings = BenchKafka.replication(new GovernanceSettings(kafka.clientConfig(),
                    registry.url().toString(), Files.createDirectories(dir.resolve("state")), meters, Duration.ofSeconds(30)));
            progress(n, "Kafka serves clients after %.1f s", Bench.seconds(began));
            Row row = new Row(n);
            long heap = Bench.heapAfterGc();
            try (Governance provisioner = Governance.start(settings, new HealthRegistry(), Set.of(Provisioner.PART))) {
                long started = System.nanoTime();
                write(kafka, listings);
                row.writeSeconds = Bench.seconds(started);
                Bench.await("every topic exists", () -> admin.listTopics().names().get().containsAll(topics));
                row.topicsSeconds = Bench.seconds(started);
                row.provisionerMib = mib(Bench.heapAfterGc() - heap);
                progress(n, "every topic exists after %.1f s", row.topicsSeconds);

                heap = Bench.heapAfterGc();
                started = System.nanoTime();
                try (Governance gate = Governance.start(settings, new HealthRegistry(), Set.of(RecordGate.PART))) {
                    Bench.await("the record gate runs", gate::running);
                    row.gateSeconds = Bench.seconds(started);
                    row.gateMib = mib(Bench.heapAfterGc() - heap);
                    progress(n, "the record gate runs after %.1f s", row.gateSeconds);
                    // One record per product makes the gate build each product's compiled rules and meters.
                    started = System.nanoTime();
                    stageOneRecordEach(kafka, names);
                    long judgeDeadline = started + JUDGE_LIMIT.toNanos();
                    Bench.await("the record gate judged a record of every product or " + JUDGE_LIMIT + " passed",
                            () -> (row.judged = judged(meters)) >= n || System.nanoTime() > judgeDeadline);
                    row.firstRecordsSeconds = Bench.seconds(started);
                    row.gateWarmMib = mib(Bench.heapAfterGc() - heap);
                    progress(n, "the record gate judged a record of %,d of %,d products after %.1f s", row.judged, n,
                            row.firstRecordsSeconds);

                    heap = Bench.heapAfterGc();
                    started = System.nanoTime();
                    try (CatalogServer catalog = CatalogServer.start(CatalogSettings.defaults(kafka.bootstrapServers(),
                            registry.url().toString()).withPort(0))) {
                        HttpClient http = HttpClient.newHttpClient();
                        URI base = catalog.url();
                        Bench.await("the catalog lists every product", () -> Bench.count(http, base) >= n);
                        row.catalogSeconds = Bench.seconds(started);
                        progress(n, "the catalog lists every product after %.1f s", row.catalogSeconds);
                        row.latencies = Bench.search(http, base, n);
                        row.pagedLatencies = Bench.searchPaged(http, base, n);
                        // The health monitor keeps two minutes of per-second samples: measure once they are full.
                        long warmMillis = CATALOG_WARM_SECONDS * 1000 - (long) (Bench.seconds(started) * 1000);
                        if (warmMillis > 0) {
                            Thread.sleep(warmMillis);
                        }
                        row.catalogMib = mib(Bench.heapAfterGc() - heap);
                        // Printed before the parts close: closing thousands of topics' worth of clients may fail or hang.
                        progress(n, "%s", row);
                        BenchKafka.usage(kafka).forEach(line -> progress(n, "%s", line));
                        progress(n, "%.1f s from the start of Kafka until measured", Bench.seconds(began));
                        return row.toString();
                    }
                }
            }
        }
    }

    /** One measured size, printed as a table row. */
    private static final class Row {
        private final int n;
        private double writeSeconds;
        private double topicsSeconds;
        private long provisionerMib;
        private double gateSeconds;
        private long gateMib;
        private double firstRecordsSeconds;
        private long judged;
        private long gateWarmMib;
        private double catalogSeconds;
        private long catalogMib;
        private double[] latencies;
        private double[] pagedLatencies;

        private Row(int n) {
            this.n = n;
        }

        @Override
        public String toString() {
            String firstRecords = judged >= n ? String.format("%.1f", firstRecordsSeconds)
                    : String.format("%,d of %,d judged after %.0f (-Dbench.judgeMinutes)", judged, n, firstRecordsSeconds);
            return String.format("| %,d | %.1f | %.1f | %,d | %.1f | %,d | %s | %,d | %.1f | %,d | %.1f | %.1f | %.1f | %.1f |", n,
                    writeSeconds, topicsSeconds, provisionerMib, gateSeconds, gateMib, firstRecords, gateWarmMib,
                    catalogSeconds, catalogMib, Bench.percentile(latencies, 50), Bench.percentile(latencies, 99),
                    Bench.percentile(pagedLatencies, 50), Bench.percentile(pagedLatencies, 99));
        }
    }

    private static long judged(SimpleMeterRegistry meters) {
        return (long) meters.find("mesh.gate.records.in").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    // Three bytes are not a framed record: the gate dead-letters them (NOT_FRAMED) after building the product's checks.
    // A producer's first send to a topic waits for that topic's metadata, one round trip and at least retry.backoff.ms
    // (100 ms) apart: one thread sending to 10,000 new topics managed 4 to 8 a second. Sends from many threads wait
    // together, and one metadata request answers them all.
    private static void stageOneRecordEach(KafkaCluster kafka, List<String> names) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<Future<RecordMetadata>>> sends = new ArrayList<>();
            for (String name : names) {
                sends.add(senders.submit(() -> producer.send(new ProducerRecord<>(name + ".v1.staging", "k", new byte[] {1, 2, 3}))));
            }
            for (Future<Future<RecordMetadata>> send : sends) {
                send.get().get();
            }
        } finally {
            senders.shutdownNow();
        }
    }

    /** What the contract gate would list for this request, without registering its schemas (ids are 0). */
    private static ListedProduct listing(ProductRequest request) {
        String name = request.descriptorPath().replace(".product.yaml", "");
        return new ListedProduct(BenchProducts.DOMAIN + "." + name, request.descriptorPath(), request.descriptor(),
                request.files(), 0, null, request.requestId(), request.principal(), Instant.now(), false);
    }

    private static void write(KafkaCluster kafka, List<ListedProduct> listings) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(),
                new ByteArraySerializer())) {
            for (ListedProduct listing : listings) {
                producer.send(new ProducerRecord<>(MeshTopics.PRODUCTS, listing.name(),
                        LISTINGS.serialize(MeshTopics.PRODUCTS, listing)));
            }
            producer.flush();
        }
    }

    private static void progress(int n, String format, Object... args) {
        System.out.printf("[scale bench, %,d products, listings written directly] %s%n", n, String.format(format, args));
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static void print(List<String> rows) {
        System.out.printf("%nScale benchmark, listings written directly to _mesh.products (bypassing the contract gate); "
                + "%s; load %s%n", BenchKafka.describe(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| products | write s | s until every topic exists | " + (BenchKafka.PROCESSES == 0 ? "broker + " : "")
                + "provisioner heap MiB | record gate start s "
                + "| record gate heap MiB | s until a record of each judged | record gate heap, every product used, MiB "
                + "| catalog lists all s | catalog heap MiB | search p50 ms | search p99 ms | search p50 ms, limit=" + Bench.PAGE
                + " | search p99 ms, limit=" + Bench.PAGE + " |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }
}
