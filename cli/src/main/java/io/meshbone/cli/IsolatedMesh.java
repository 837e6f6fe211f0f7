package io.meshbone.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.meshbone.cli.serve.DemoPart;
import io.meshbone.cli.serve.StreamsStateDir;
import io.meshbone.catalog.CatalogServer;
import io.meshbone.catalog.CatalogSettings;
import io.meshbone.cli.internal.ExampleContracts;
import io.meshbone.cli.internal.ResidentExamples;
import io.meshbone.connect.ConnectWorker;
import io.meshbone.connect.ConnectWorkerSettings;
import io.meshbone.connect.EmbeddedConnect;
import io.meshbone.connect.replication.ReplicationRoute;
import io.meshbone.connect.replication.ReplicationRunner;
import io.meshbone.connect.replication.ReplicationSettings;
import io.meshbone.domains.DomainApp;
import io.meshbone.domains.DomainApps;
import io.meshbone.domains.customers.CustomersDomain;
import io.meshbone.domains.demo.DemoGenerator;
import io.meshbone.domains.orders.OrdersDomain;
import io.meshbone.domains.payments.PaymentsDomain;
import io.meshbone.domains.shipping.ShippingDomain;
import io.meshbone.governance.Governance;
import io.meshbone.governance.GovernanceSettings;
import io.meshbone.localkafka.LocalKafka;
import io.meshbone.localkafka.LocalKafkaSettings;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.platform.lifecycle.Closeables;
import io.meshbone.platform.mesh.MeshCluster;
import io.meshbone.platform.mesh.MeshTopology;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The isolated deployment pattern in one JVM, as {@code meshbone up --isolated} runs it: an {@code eu} domain
 * cluster hosting customers and shipping, and the exchange hosting orders and payments.
 *
 * <p>Each cluster runs its own gate (with the cluster topology, so residency is enforced); the registry and the
 * catalog run on the exchange; each cluster gets an exactly-once Connect worker that copies, with MirrorMaker 2,
 * what the other cluster lists and this one may serve. The example contracts of customers and shipping are
 * resident in {@code eu}, and every example is applied to its home cluster's gate only: {@code shipping.delivery-request}
 * on {@code eu} names {@code orders.order-placed}, which the gate finds listed on the exchange, and the shipping app
 * reads MirrorMaker's copy of it beside {@code customers.customer-profile}. The demo generator publishes each domain's raw
 * events on its home cluster; the exchange's worker runs the dashboard sink (when PostgreSQL answers).
 */
public final class IsolatedMesh implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IsolatedMesh.class);
    static final String EU = "eu";
    static final String EXCHANGE = "exchange";
    private static final String PRINCIPAL = "User:meshbone-up";
    static final Set<String> EU_DOMAINS = Set.of("customers", "shipping");

    /**
     * How to run it.
     *
     * @param exchangeKafka the exchange's embedded cluster (today's {@code up} cluster: port 9092 by default)
     * @param euKafka       the {@code eu} cluster
     * @param registryPort  the schema registry's port, on the exchange (0 = free port)
     * @param catalogPort   the catalog's port, on the exchange (0 = free port)
     * @param connectPort   the exchange's Connect worker's REST port (0 = free port); the eu worker takes a free port
     * @param demo          whether to publish demo raw events, each domain's to its home cluster
     * @param progress      receives one line per step
     */
    public record Settings(LocalKafkaSettings exchangeKafka, LocalKafkaSettings euKafka, int registryPort, int catalogPort,
                           int connectPort, boolean demo, Consumer<String> progress) {

        /** With demo traffic, as {@code up --isolated} runs by default. */
        public Settings(LocalKafkaSettings exchangeKafka, LocalKafkaSettings euKafka, int registryPort, int catalogPort,
                        int connectPort, Consumer<String> progress) {
            this(exchangeKafka, euKafka, registryPort, catalogPort, connectPort, true, progress);
        }
    }

    private final BooleanSupplier stopRequested;
    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private final List<AutoCloseable> services = new ArrayList<>();
    private final HealthRegistry health = new HealthRegistry();
    private final Map<String, List<String>> listed = new LinkedHashMap<>();
    private final Map<String, URI> connectUrls = new LinkedHashMap<>();
    private MeshTopology topology;
    private URI registryUrl;
    private URI catalogUrl;

    private IsolatedMesh(BooleanSupplier stopRequested) {
        this.stopRequested = stopRequested;
    }

    /** Starts both clusters and every part; returns once every example contract has its decisions. */
    public static IsolatedMesh start(Settings settings, BooleanSupplier stopRequested) throws TimeoutException {
        IsolatedMesh mesh = new IsolatedMesh(stopRequested);
        try {
            mesh.startAll(settings);
            return mesh;
        } catch (RuntimeException | TimeoutException e) {
            mesh.close();
            throw e;
        }
    }

    private void startAll(Settings settings) throws TimeoutException {
        Consumer<String> progress = settings.progress();
        LocalKafka exchange = add(LocalKafka.start(settings.exchangeKafka()));
        checkpoint("the eu cluster");
        LocalKafka eu = add(LocalKafka.start(settings.euKafka()));
        topology = new MeshTopology(List.of(
                new MeshCluster(EXCHANGE, "us", exchange.bootstrapServers(), List.of("orders", "payments"), true),
                new MeshCluster(EU, EU, eu.bootstrapServers(), List.of("customers", "shipping"), false)));
        progress.accept("kafka      exchange " + exchange.bootstrapServers() + ", eu " + eu.bootstrapServers());
        checkpoint("the schema registry");
        registryUrl = add(SchemaRegistryServer.start(SchemaRegistrySettings.defaults(exchange.bootstrapServers())
                .withPort(settings.registryPort()), health)).url();
        progress.accept("registry   " + registryUrl + " (on the exchange)");
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Path stateDir = StreamsStateDir.create(null);
        add(() -> Utils.delete(stateDir.toFile()));
        add(() -> Closeables.closeTogether("isolated mesh service", services));
        for (MeshCluster cluster : topology.clusters()) {
            checkpoint("governance on " + cluster.name());
            service(Governance.start(new GovernanceSettings(clientConfig(cluster), registryUrl.toString(),
                    stateDir.resolve(cluster.name()), meters, Duration.ofSeconds(30)).withClusters(topology)));
            progress.accept("governance " + cluster.name() + ": contract gate (with residency), record gate, provisioner");
        }
        checkpoint("the catalog");
        catalogUrl = service(CatalogServer.start(CatalogSettings.defaults(exchange.bootstrapServers(), registryUrl.toString())
                .withPort(settings.catalogPort()).withMeters(meters).withClusters(topology), health)).url();
        progress.accept("catalog    " + catalogUrl + " (every cluster's products and lineage, each with servedOn)");
        applyExamples(progress);
        List<DomainApps> apps = startDomainApps(stateDir, meters, progress);
        startReplication(settings, progress);
        checkpoint("the demo");
        if (settings.demo()) {
            // Started last, so it stops first: each domain's raw events go to its home cluster, never elsewhere.
            Map<String, Map<String, Object>> byDomain = new LinkedHashMap<>();
            topology.clusters().forEach(c -> c.domains().forEach(d -> byDomain.put(d, clientConfig(c))));
            add(DemoGenerator.start(clientConfig(topology.exchange()), byDomain, DemoPart.DEFAULT_CHECKOUTS_PER_SECOND,
                    DemoPart.DEFAULT_HISTORY, () -> apps.stream().allMatch(DomainApps::running)));
            progress.accept("demo       raw events for the domain apps, each domain's on its home cluster");
        }
    }

    private void applyExamples(Consumer<String> progress) throws TimeoutException {
        Map<String, ContractClient> clients = new LinkedHashMap<>();
        try {
            topology.clusters().forEach(c -> clients.put(c.name(), new ContractClient(clientConfig(c))));
            for (ExampleContracts.Example example : ResidentExamples.load(PRINCIPAL, EU_DOMAINS, EU)) {
                // At home only: a contract reading a product listed on another cluster finds it there (the gate asks).
                MeshCluster home = topology.clusterOf(example.product().metadata().domain());
                checkpoint("contract " + example.product().name());
                Decision decision = clients.get(home.name()).apply(example.request(), Duration.ofSeconds(60));
                progress.accept("contract   " + example.product().name() + " on " + home.name() + " "
                        + decision.outcome() + (decision.accepted() ? "" : " " + decision.reasons()));
                if (decision.accepted()) {
                    listed.computeIfAbsent(home.name(), c -> new ArrayList<>()).add(example.product().name());
                }
            }
        } finally {
            clients.values().forEach(ContractClient::close);
        }
    }

    private List<DomainApps> startDomainApps(Path stateDir, PrometheusMeterRegistry meters, Consumer<String> progress) {
        List<DomainApps> started = new ArrayList<>();
        Map<String, List<DomainApp>> appsOn = Map.of(
                EXCHANGE, concat(OrdersDomain.apps(), PaymentsDomain.apps()),
                EU, concat(CustomersDomain.apps(), ShippingDomain.apps()));
        for (MeshCluster cluster : topology.clusters()) {
            checkpoint("the domain apps on " + cluster.name());
            List<Map<String, Object>> elsewhere = topology.clusters().stream().filter(c -> c != cluster)
                    .map(IsolatedMesh::clientConfig).toList();
            started.add(service(DomainApps.start(clientConfig(cluster), registryUrl.toString(),
                    stateDir.resolve(cluster.name() + "-domains"), meters, appsOn.get(cluster.name()), health, elsewhere)));
            progress.accept("domains    " + cluster.name() + ": " + appsOn.get(cluster.name()).size() + " Kafka Streams apps");
        }
        return started;
    }

    private void startReplication(Settings settings, Consumer<String> progress) {
        for (MeshCluster target : topology.clusters()) {
            checkpoint("Kafka Connect on " + target.name());
            int port = target.exchange() ? settings.connectPort() : 0;
            ConnectWorkerSettings workerSettings = ConnectWorkerSettings.defaults(target.bootstrapServers())
                    .withPort(port).withOverrides(Map.of("exactly.once.source.support", "enabled"));
            ConnectWorker worker = target.exchange() ? dashboardWorker(workerSettings, progress)
                    : service(ConnectWorker.start(workerSettings));
            connectUrls.put(target.name(), worker.restUrl());
            for (MeshCluster source : topology.clusters()) {
                if (source != target) {
                    ReplicationRoute route = new ReplicationRoute(source.name(), target.name());
                    service(ReplicationRunner.start(ReplicationSettings.of(topology, route, worker.restUrl().toString())
                            .withReplicationFactor((short) 1), health.part(ReplicationRunner.partName(route))));
                    progress.accept("replicate  " + route + " with MirrorMaker 2 on " + worker.restUrl());
                }
            }
        }
    }

    /** The exchange's worker, with the dashboard sink when PostgreSQL answers: it reads what the exchange serves. */
    private ConnectWorker dashboardWorker(ConnectWorkerSettings workerSettings, Consumer<String> progress) {
        EmbeddedConnect connect = service(EmbeddedConnect.start(workerSettings, registryUrl,
                Map.of("topics", DashboardTopics.servedOn(topology, topology.exchange()))));
        progress.accept("sink       " + connect.sinkSkipped().map(why -> "no dashboard sink: " + why)
                .orElse("dashboard sink to PostgreSQL from the exchange"));
        return connect.worker();
    }

    private static List<DomainApp> concat(List<DomainApp> a, List<DomainApp> b) {
        List<DomainApp> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, Object> clientConfig(MeshCluster cluster) {
        return Map.of("bootstrap.servers", cluster.bootstrapServers());
    }

    private void checkpoint(String next) {
        if (stopRequested.getAsBoolean()) {
            throw new CancellationException("start-up stopped before " + next);
        }
    }

    private <T extends AutoCloseable> T service(T part) {
        services.add(part);
        return part;
    }

    private <T extends AutoCloseable> T add(T part) {
        parts.push(part);
        return part;
    }

    /** The health of every part of both clusters. */
    public HealthRegistry health() {
        return health;
    }

    /** The clusters, with their bootstrap servers. */
    public MeshTopology topology() {
        return topology;
    }

    /** The product names each cluster's gate accepted, by cluster name. */
    public Map<String, List<String>> listed() {
        return listed;
    }

    /** The lines {@code up --isolated} prints: today's ({@code bootstrap.servers} is the exchange) and one per cluster. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("bootstrap.servers=" + topology.exchange().bootstrapServers());
        topology.clusters().forEach(c -> lines.add("bootstrap.servers." + c.name() + "=" + c.bootstrapServers()));
        lines.add("schema.registry.url=" + registryUrl);
        lines.add("catalog.url=" + catalogUrl);
        lines.add("connect.url=" + connectUrls.get(EXCHANGE));
        connectUrls.forEach((cluster, url) -> lines.add("connect.url." + cluster + "=" + url));
        return lines;
    }

    /** The Connect worker's REST URL on {@code cluster}. */
    public URI connectUrl(String cluster) {
        return connectUrls.get(cluster);
    }

    /** Stops every part, newest first; keeps going when one fails. */
    @Override
    public void close() {
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception e) {
                log.warn("a part did not close cleanly: {}", e.toString());
            }
        }
    }
}
