package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.meshbone.connect.ConnectClient;
import io.meshbone.connect.replication.ReplicationRoute;
import io.meshbone.domains.shipping.DeliveryRequests;
import io.meshbone.domains.DomainApps;
import io.meshbone.localkafka.LocalKafkaSettings;
import io.meshbone.platform.health.PartHealth;
import io.meshbone.platform.mesh.ProductAddress;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** {@code up --isolated} in process: two embedded clusters, residency in eu, replication between them. */
class IsolatedMeshIT {

    @Test
    void keepsEuResidentProductsInEuRunsShippingThereAndReplicatesOrdersToIt() throws Exception {
        LocalKafkaSettings free = new LocalKafkaSettings(1, "localhost", 0, null, Map.of());
        try (IsolatedMesh mesh = IsolatedMesh.start(new IsolatedMesh.Settings(free, free, 0, 0, 0, line -> { }), () -> false)) {
            String eu = mesh.topology().cluster("eu").orElseThrow().bootstrapServers();
            String exchange = mesh.topology().exchange().bootstrapServers();

            assertThat(mesh.lines()).contains("bootstrap.servers=" + exchange, "bootstrap.servers.eu=" + eu,
                    "bootstrap.servers.exchange=" + exchange);
            assertThat(mesh.listed().get("eu")).contains("customers.customer-profile", "customers.customer-history",
                    "shipping.delivery-request", "orders.order-placed");
            assertThat(mesh.listed().get("exchange")).contains("orders.order-placed", "payments.payment-settled")
                    .noneMatch(name -> name.startsWith("customers.") || name.startsWith("shipping."));

            ConnectClient euWorker = new ConnectClient(mesh.connectUrl("eu"));
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                    euWorker.config(new ReplicationRoute("exchange", "eu").connectorName())).hasValueSatisfying(config ->
                    assertThat(config.get("topics")).contains("orders.order-placed.v1").doesNotContain("customers.")));
            assertThat(new ConnectClient(mesh.connectUrl("exchange")).config(new ReplicationRoute("eu", "exchange")
                    .connectorName())).isEmpty();
            await().atMost(Duration.ofSeconds(90)).until(() -> mesh.health().parts().stream().anyMatch(part ->
                    part.part().equals(DomainApps.PART_PREFIX + DeliveryRequests.APPLICATION_ID)
                            && part.state() == PartHealth.State.RUNNING));
            String catalog = mesh.lines().stream().filter(l -> l.startsWith("catalog.url=")).findFirst().orElseThrow()
                    .substring("catalog.url=".length());
            assertThat(ProductAddress.resolveForReading(catalog, "orders.order-placed", "eu").bootstrapServers()).isEqualTo(eu);
            assertThat(ProductAddress.resolveForReading(catalog, "orders.order-placed", null).bootstrapServers()).isEqualTo(exchange);
            assertThat(ProductAddress.resolveForPublishing(catalog, "orders.order-placed").bootstrapServers()).isEqualTo(exchange);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", exchange))) {
                assertThat(admin.listTopics().names().get()).contains("orders.order-placed.v1")
                        .doesNotContain("customers.customer-profile.v1", "customers.customer-profile.v1.staging",
                                "customers.customer-history.v1", "shipping.delivery-request.v1");
            }
        }
    }
}
