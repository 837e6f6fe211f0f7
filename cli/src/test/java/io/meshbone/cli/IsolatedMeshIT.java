package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.connect.ConnectClient;
import io.meshbone.connect.replication.ReplicationRoute;
import io.meshbone.domains.shipping.DeliveryRequests;
import io.meshbone.domains.DomainApps;
import io.meshbone.localkafka.LocalKafkaSettings;
import io.meshbone.platform.health.PartHealth;
import io.meshbone.platform.mesh.ProductAddress;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * {@code up --isolated} in process: two embedded clusters, residency in eu, replication between them, lineage and
 * listings across both, demo traffic on each domain's home cluster.
 */
class IsolatedMeshIT {

    private static final Duration WAIT = Duration.ofSeconds(150);

    @Test
    void keepsEuResidentProductsInEuRunsShippingThereAndReplicatesOrdersToIt() throws Exception {
        LocalKafkaSettings free = new LocalKafkaSettings(1, "localhost", 0, null, Map.of());
        try (IsolatedMesh mesh = IsolatedMesh.start(new IsolatedMesh.Settings(free, free, 0, 0, 0, line -> { }), () -> false)) {
            String eu = mesh.topology().cluster("eu").orElseThrow().bootstrapServers();
            String exchange = mesh.topology().exchange().bootstrapServers();

            assertThat(mesh.lines()).contains("bootstrap.servers=" + exchange, "bootstrap.servers.eu=" + eu,
                    "bootstrap.servers.exchange=" + exchange);
            // Each contract applied once, at home: shipping.delivery-request reads orders.order-placed listed on the exchange.
            assertThat(mesh.listed().get("eu")).contains("customers.customer-profile", "customers.customer-history",
                    "shipping.delivery-request").doesNotContain("orders.order-placed");
            assertThat(mesh.listed().get("exchange")).contains("orders.order-placed", "payments.payment-settled")
                    .noneMatch(name -> name.startsWith("customers.") || name.startsWith("shipping."));

            ConnectClient euWorker = new ConnectClient(mesh.connectUrl("eu"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(
                    euWorker.config(new ReplicationRoute("exchange", "eu").connectorName())).hasValueSatisfying(config ->
                    assertThat(config.get("topics")).contains("orders.order-placed.v1").doesNotContain("customers.")));
            assertThat(new ConnectClient(mesh.connectUrl("exchange")).config(new ReplicationRoute("eu", "exchange")
                    .connectorName())).isEmpty();
            await().atMost(WAIT).until(() -> mesh.health().parts().stream().anyMatch(part ->
                    part.part().equals(DomainApps.PART_PREFIX + DeliveryRequests.APPLICATION_ID)
                            && part.state() == PartHealth.State.RUNNING));
            URI catalog = URI.create(mesh.lines().stream().filter(l -> l.startsWith("catalog.url=")).findFirst().orElseThrow()
                    .substring("catalog.url=".length()));
            assertThat(ProductAddress.resolveForReading(catalog.toString(), "orders.order-placed", "eu").bootstrapServers()).isEqualTo(eu);
            assertThat(ProductAddress.resolveForReading(catalog.toString(), "orders.order-placed", null).bootstrapServers()).isEqualTo(exchange);
            assertThat(ProductAddress.resolveForPublishing(catalog.toString(), "orders.order-placed").bootstrapServers()).isEqualTo(exchange);

            showsResidentProductsAndTheCopyHopInTheExchangesCatalog(catalog);
            keepsResidentRecordsOffTheExchange(exchange, eu);
        }
    }

    private static void showsResidentProductsAndTheCopyHopInTheExchangesCatalog(URI catalog) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode graph = Http.get(catalog, "/api/lineage").json();
            List<String> nodes = new ArrayList<>();
            graph.path("nodes").forEach(n -> {
                if (!n.has("listed")) {
                    nodes.add(n.path("id").asText());
                }
            });
            assertThat(nodes).contains("customers.customer-profile", "shipping.delivery-request", "orders.order-placed");
            List<String> edges = new ArrayList<>();
            graph.path("edges").forEach(e -> edges.add(e.path("from").asText() + " -> " + e.path("to").asText() + " "
                    + e.path("source").asText() + " " + e.path("job").asText() + " "
                    + e.path("fromCluster").asText() + ">" + e.path("toCluster").asText()));
            assertThat(edges).anyMatch(e -> e.startsWith("customers.customer-profile -> shipping.delivery-request "))
                    .anyMatch(e -> e.startsWith("orders.order-placed -> shipping.delivery-request "))
                    .contains("orders.order-placed -> orders.order-placed mirror mirror:exchange->eu exchange>eu");
        });
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode profile = Http.get(catalog, "/api/products/customers.customer-profile").json();
            assertThat(profile.path("servedOn")).hasSize(1);
            assertThat(profile.path("servedOn").get(0).path("cluster").asText()).isEqualTo("eu");
            assertThat(profile.path("servedOn").get(0).path("home").asBoolean()).isTrue();
            JsonNode delivery = Http.get(catalog, "/api/products/shipping.delivery-request").json();
            assertThat(delivery.path("upstream").toString()).contains("customers.customer-profile", "orders.order-placed");
            assertThat(delivery.path("decisions").toString()).contains("ACCEPTED");
        });
    }

    /** The demo publishes profiles on eu; they are refined and joined there, and none of it reaches the exchange. */
    private static void keepsResidentRecordsOffTheExchange(String exchange, String eu) throws Exception {
        await().atMost(WAIT).until(() -> count(eu, Set.of("customers.raw-profile-changes", "customers.customer-profile.v1",
                "shipping.delivery-request.v1"), 3) == 3);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", exchange))) {
            Set<String> topics = admin.listTopics().names().get();
            assertThat(topics).contains("orders.order-placed.v1")
                    .doesNotContain("customers.customer-profile.v1", "customers.customer-profile.v1.staging",
                            "customers.customer-history.v1", "shipping.delivery-request.v1");
            Set<String> products = new java.util.TreeSet<>();
            try (KafkaConsumer<byte[], byte[]> consumer = consumer(exchange)) {
                List<TopicPartition> partitions = new ArrayList<>();
                topics.stream().filter(t -> !t.startsWith("__")).forEach(t -> consumer.partitionsFor(t)
                        .forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long read = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        read++;
                        assertThat(record.topic()).as("a resident domain's records on the exchange")
                                .doesNotStartWith("customers.").doesNotStartWith("shipping.");
                        Header product = record.headers().lastHeader("mesh.product");
                        if (product != null) {
                            products.add(new String(product.value(), StandardCharsets.UTF_8));
                        }
                    }
                }
                assertThat(read).isPositive();
            }
            assertThat(products).contains("orders.order-placed")
                    .noneMatch(p -> p.startsWith("customers.") || p.startsWith("shipping."));
        }
    }

    /** How many of {@code topics} on the cluster hold a record (at most {@code of}). */
    private static int count(String bootstrap, Set<String> topics, int of) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            Map<String, Long> records = new HashMap<>();
            for (String topic : topics) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                records.put(topic, consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum());
            }
            return (int) Math.min(of, records.values().stream().filter(n -> n > 0).count());
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "enable.auto.commit", false,
                "isolation.level", "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
