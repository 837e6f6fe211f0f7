package io.meshbone.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.meshbone.domains.DomainApps;
import io.meshbone.domains.demo.DemoGenerator;
import io.meshbone.governance.Governance;
import io.meshbone.governance.GovernanceSettings;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;

/**
 * What the catalog's ITs read, on the shared broker: the schema registry, governance, the catalog, the example
 * contracts applied, and the example domain apps fed by demo traffic (the health, DLQ and sample assertions need
 * records flowing through the gate).
 *
 * <p>Governance and the catalog share one Prometheus registry, as in {@code meshbone up}, so the catalog's
 * {@code /metrics} carries the gate's meters.
 */
final class CatalogMesh implements AutoCloseable {

    /** The example contracts, each after the products it declares as inputs. */
    static final List<String> EXAMPLES = List.of("customers.customer-profile", "orders.order-placed",
            "payments.payment-settled", "customers.customer-history", "orders.order-status", "orders.revenue-by-hour",
            "shipping.delivery-request");
    /** Who applies the examples; the first apply claims each domain for this principal. */
    static final String PRINCIPAL = "User:meshbone-up";
    static final Path SCHEMAS = Path.of("..", "schemas");

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final double DEMO_CHECKOUTS_PER_SECOND = 5;

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private final Map<String, Object> clientConfig;
    private URI catalogUrl;

    private CatalogMesh(KafkaCluster kafka) {
        this.clientConfig = kafka.clientConfig();
    }

    static CatalogMesh start(KafkaCluster kafka) throws Exception {
        CatalogMesh mesh = new CatalogMesh(kafka);
        try {
            mesh.startAll(kafka.bootstrapServers());
            return mesh;
        } catch (Exception | AssertionError e) {
            mesh.close();
            throw e;
        }
    }

    private void startAll(String bootstrapServers) throws IOException, TimeoutException {
        SchemaRegistryServer registry = add(SchemaRegistryServer.start(SchemaRegistrySettings.defaults(bootstrapServers)
                .withHost("127.0.0.1").withPort(0)));
        String registryUrl = registry.url().toString();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Path stateDir = Files.createTempDirectory("catalog-it-");
        Governance governance = add(Governance.start(new GovernanceSettings(clientConfig, registryUrl, stateDir.resolve("gate"),
                meters, Duration.ofSeconds(30))));
        await().atMost(WAIT).until(governance::running);
        CatalogServer catalog = add(CatalogServer.start(CatalogSettings.defaults(bootstrapServers, registryUrl)
                .withHost("127.0.0.1").withPort(0).withMeters(meters)));
        catalogUrl = catalog.url();
        awaitTopics(applyExamples());
        DomainApps apps = add(DomainApps.start(clientConfig, registryUrl, stateDir.resolve("domains"), meters));
        await().atMost(WAIT).until(apps::running);
        add(DemoGenerator.start(clientConfig, DEMO_CHECKOUTS_PER_SECOND));
    }

    /** Applies every example and returns the staging topics the provisioner is to create. */
    private List<String> applyExamples() throws IOException, TimeoutException {
        List<String> staging = new ArrayList<>();
        try (ContractClient contracts = new ContractClient(clientConfig)) {
            for (String product : EXAMPLES) {
                String path = product.replace('.', '/') + ProductDescriptors.SUFFIX;
                Decision decision = contracts.apply(ContractClient.request(SCHEMAS.resolve(path), path, PRINCIPAL), Duration.ofSeconds(60));
                assertThat(decision.outcome()).as("%s: %s", product, decision.reasons()).isEqualTo(Decision.Outcome.ACCEPTED);
                staging.add(ProductNames.of(ProductDescriptors.read(SCHEMAS.resolve(path))).stagingTopic());
            }
        }
        return staging;
    }

    private void awaitTopics(List<String> topics) {
        try (Admin admin = Admin.create(clientConfig)) {
            await().atMost(WAIT).until(() -> admin.listTopics().names().get().containsAll(topics));
        }
    }

    private <T extends AutoCloseable> T add(T part) {
        parts.push(part);
        return part;
    }

    URI catalogUrl() {
        return catalogUrl;
    }

    /** Kafka client properties for the shared broker. */
    Map<String, Object> clientConfig() {
        return new HashMap<>(clientConfig);
    }

    /** Stops every part, newest first; goes on past a part that fails and reports the first failure. */
    @Override
    public void close() {
        IllegalStateException failure = null;
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException(part.getClass().getSimpleName() + " did not close", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
