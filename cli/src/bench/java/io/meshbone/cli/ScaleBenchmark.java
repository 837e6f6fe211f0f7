package io.meshbone.cli;

import static io.meshbone.cli.Bench.await;
import static io.meshbone.cli.Bench.count;
import static io.meshbone.cli.Bench.heapAfterGc;
import static io.meshbone.cli.Bench.percentile;
import static io.meshbone.cli.Bench.search;
import static io.meshbone.cli.Bench.seconds;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.meshbone.catalog.CatalogServer;
import io.meshbone.catalog.CatalogSettings;
import io.meshbone.governance.Governance;
import io.meshbone.governance.GovernanceSettings;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;

/**
 * The control plane at scale: N generated products applied in one call to a whole mesh in one JVM
 * (LocalKafka, registry, governance, catalog), then the decision rate, the time until every topic
 * exists, the heap after GC and the catalog's search latency, as one table row per N.
 *
 * <p>Run: {@code mvn -B -q -Pscale-bench -pl cli -am process-test-classes -Dbench.products=100,1000}; with
 * {@code -Dbench.listings=direct} the listings bypass the contract gate ({@link DirectListingsBenchmark}); with
 * {@code -Dbench.broker.processes=3} Kafka runs as a controller and three brokers in processes of their own ({@link BenchKafka}).
 */
public final class ScaleBenchmark {


    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "100,1000").split(",")).mapToInt(Integer::parseInt).toArray();
        // -Dbench.listings=direct: listings written straight to _mesh.products, bypassing the contract gate.
        String listings = System.getProperty("bench.listings", "gate");
        if (listings.equals("direct")) {
            DirectListingsBenchmark.main(sizes);
            return;
        }
        if (listings.equals("catalog")) {
            CatalogSearchBenchmark.main(sizes);
            return;
        }
        if (!listings.equals("gate")) {
            throw new IllegalArgumentException("bench.listings: expected gate, direct or catalog, got " + listings);
        }
        List<String> rows = new ArrayList<>();
        for (int n : sizes) {
            rows.add(run(n));
            print(rows);
        }
    }

    private static String run(int n) throws Exception {
        Path dir = Files.createTempDirectory("scale-bench-");
        Path products = Files.createDirectories(dir.resolve("products"));
        List<String> names = BenchProducts.write(products, n);
        try (KafkaCluster kafka = BenchKafka.start(dir);
             SchemaRegistryServer registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers()).withPort(0));
             Governance governance = Governance.start(BenchKafka.replication(new GovernanceSettings(kafka.clientConfig(),
                     registry.url().toString(), Files.createDirectories(dir.resolve("state")), new SimpleMeterRegistry(),
                     Duration.ofSeconds(30))));
             CatalogServer catalog = CatalogServer.start(CatalogSettings.defaults(kafka.bootstrapServers(), registry.url().toString()).withPort(0));
             Admin admin = Admin.create(kafka.clientConfig())) {
            await("governance running", governance::running);
            List<ProductRequest> requests = new ArrayList<>();
            for (Path file : ProductApplyOrder.of(List.of(products))) {
                requests.add(ContractClient.request(file, file.getFileName().toString(), "User:bench"));
            }
            Set<String> topics = new HashSet<>();
            names.forEach(name -> topics.addAll(List.of(name + ".v1", name + ".v1.staging", name + ".v1.dlq")));
            AtomicInteger accepted = new AtomicInteger();
            long started = System.nanoTime();
            try (ContractClient contracts = new ContractClient(kafka.clientConfig())) {
                List<ProductRequest> unanswered = contracts.applyAll(requests, Duration.ofMinutes(2), decision -> {
                    if (decision.accepted()) {
                        accepted.incrementAndGet();
                    } else {
                        System.err.println(decision.product() + " " + decision.reasons());
                    }
                });
                if (!unanswered.isEmpty()) {
                    throw new IllegalStateException(unanswered.size() + " requests got no decision");
                }
            }
            double decideSeconds = seconds(started);
            await("every topic exists", () -> admin.listTopics().names().get().containsAll(topics));
            double topicsSeconds = seconds(started);
            HttpClient http = HttpClient.newHttpClient();
            URI base = catalog.url();
            await("the catalog lists every product", () -> count(http, base) >= n);
            double[] latencies = search(http, base, n);
            double[] paged = Bench.searchPaged(http, base, n);
            long heap = heapAfterGc();
            BenchKafka.usage(kafka).forEach(line -> System.out.printf("[scale bench, %,d products] %s%n", n, line));
            return String.format("| %,d | %,d | %.1f | %.1f | %.1f | %,d | %.1f | %.1f | %.1f | %.1f |", n, accepted.get(),
                    decideSeconds, n / decideSeconds, topicsSeconds, heap / (1024 * 1024), percentile(latencies, 50),
                    percentile(latencies, 99), percentile(paged, 50), percentile(paged, 99));
        }
    }

    private static void print(List<String> rows) throws Exception {
        System.out.printf("%nScale benchmark (%s; heap is all of them), load %s%n",
                BenchKafka.PROCESSES == 0 ? "one JVM: LocalKafka, registry, governance, catalog"
                        : "Kafka in " + BenchKafka.PROCESSES + " broker processes and a controller process; one JVM: registry, governance, catalog",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| products | accepted | apply s | decisions/s | s until every topic exists | heap after GC MiB "
                + "| search p50 ms | search p99 ms | search p50 ms, limit=" + Bench.PAGE + " | search p99 ms, limit=" + Bench.PAGE + " |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }
}
