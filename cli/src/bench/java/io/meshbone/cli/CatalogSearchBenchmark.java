package io.meshbone.cli;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.meshbone.catalog.CatalogServer;
import io.meshbone.catalog.CatalogSettings;
import io.meshbone.localkafka.LocalKafka;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopicPlans;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.control.ProductRequest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The catalog's search alone at sizes one broker cannot hold the topics of: N generated listings written straight to
 * {@code _mesh.products} (as {@link DirectListingsBenchmark} does) and only the mesh's own topics created, none of the
 * products' (search reads listings only; the health monitor finds no product topics and measures nothing). Then the
 * catalog's search p50/p99, unpaged and with a page size, over the same 1,000 queries as the other modes.
 *
 * <p>Run: {@code mvn -B -q -Pscale-bench -pl cli -am process-test-classes -Dbench.listings=catalog -Dbench.products=1000,10000}
 */
final class CatalogSearchBenchmark {

    private static final Serializer<ListedProduct> LISTINGS = MeshJson.serde(ListedProduct.class).serializer();

    private CatalogSearchBenchmark() {
    }

    static void main(int[] sizes) throws Exception {
        List<String> rows = new ArrayList<>();
        try (LocalKafka kafka = LocalKafka.startSingleNode(); Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(MeshTopicPlans.internal(1).stream()
                    .map(plan -> new NewTopic(plan.name(), plan.partitions(), plan.replicationFactor()).configs(plan.configs()))
                    .toList()).all().get();
            int listed = 0;
            for (int n : sizes) {
                Path folder = Files.createDirectories(Files.createTempDirectory("scale-bench-catalog-").resolve("products"));
                BenchProducts.write(folder, n);
                // Listings add up across sizes: the products of the smaller size are the first of the larger one.
                write(kafka, folder, listed);
                listed = n;
                try (CatalogServer catalog = CatalogServer.start(CatalogSettings.defaults(kafka.bootstrapServers(),
                        "http://localhost:1").withPort(0))) {
                    HttpClient http = HttpClient.newHttpClient();
                    URI base = catalog.url();
                    long started = System.nanoTime();
                    Bench.await("the catalog lists every product", () -> Bench.count(http, base) >= n);
                    double listSeconds = Bench.seconds(started);
                    double[] unpaged = Bench.search(http, base, n);
                    String paged;
                    try {
                        double[] page = Bench.searchPaged(http, base, n);
                        paged = String.format("%.1f | %.1f", Bench.percentile(page, 50), Bench.percentile(page, 99));
                    } catch (IllegalStateException e) {
                        paged = "no paging | no paging";
                    }
                    rows.add(String.format("| %,d | %.1f | %.1f | %.1f | %s |", n, listSeconds, Bench.percentile(unpaged, 50),
                            Bench.percentile(unpaged, 99), paged));
                    print(rows);
                }
            }
        }
    }

    private static void write(LocalKafka kafka, Path folder, int skip) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(),
                new ByteArraySerializer())) {
            int i = 0;
            for (Path file : ProductApplyOrder.of(List.of(folder))) {
                if (i++ < skip) {
                    continue;
                }
                ProductRequest request = ContractClient.request(file, file.getFileName().toString(), "User:bench");
                String name = BenchProducts.DOMAIN + "." + request.descriptorPath().replace(".product.yaml", "");
                ListedProduct listing = new ListedProduct(name, request.descriptorPath(), request.descriptor(), request.files(),
                        0, null, request.requestId(), request.principal(), Instant.now(), false);
                producer.send(new ProducerRecord<>(MeshTopics.PRODUCTS, name, LISTINGS.serialize(MeshTopics.PRODUCTS, listing)));
            }
            producer.flush();
        }
    }

    private static void print(List<String> rows) {
        System.out.printf("%nCatalog search benchmark, listings written directly to _mesh.products, no product topics; "
                + "one JVM: LocalKafka, catalog; load %s%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| products | catalog lists all s | search p50 ms | search p99 ms | search p50 ms, limit=" + Bench.PAGE
                + " | search p99 ms, limit=" + Bench.PAGE + " |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }
}
