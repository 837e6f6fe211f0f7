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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.meshbone.cli.serve.DemoPart;
import io.meshbone.cli.serve.StreamsStateDir;
import io.meshbone.cli.internal.ExampleAccess;
import io.meshbone.cli.internal.ExampleContracts;
import io.meshbone.cli.internal.GrantedAcls;
import io.meshbone.cli.internal.IsolatedAcls;
import io.meshbone.cli.internal.ResidentExamples;
import io.meshbone.cli.internal.SecureParts;
import io.meshbone.cli.serve.CatalogPart;
import io.meshbone.cli.serve.ConnectPart;
import io.meshbone.cli.serve.PartContext;
import io.meshbone.cli.serve.RegistryPart;
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
import io.meshbone.governance.ContractGate;
import io.meshbone.governance.Governance;
import io.meshbone.governance.GovernanceSettings;
import io.meshbone.governance.Provisioner;
import io.meshbone.governance.RecordGate;
import io.meshbone.http.HttpSecurity;
import io.meshbone.localkafka.LocalKafka;
import io.meshbone.localkafka.LocalKafkaSettings;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.platform.lifecycle.Closeables;
import io.meshbone.platform.mesh.MeshCluster;
import io.meshbone.platform.mesh.MeshTopology;
import io.meshbone.platform.security.CredentialStore;
import io.meshbone.platform.security.MeshPrincipals;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.common.acl.AclBinding;
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
    /** Where the HTTP listeners bind and what their URLs say. */
    private static final String HOST = "localhost";
    /** How long a secure mesh waits for a provisioner to grant its products' ACLs before giving up. */
    private static final Duration ACL_TIMEOUT = Duration.ofSeconds(60);
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
     * @param credentials   secure mode: where the principals' credentials go (both clusters then need
     *                      {@link LocalKafkaSettings#withSecurity} with the admin's password from here); null for open mode
     */
    public record Settings(LocalKafkaSettings exchangeKafka, LocalKafkaSettings euKafka, int registryPort, int catalogPort,
                           int connectPort, boolean demo, Consumer<String> progress, CredentialStore credentials) {

        /** Open mode. */
        public Settings(LocalKafkaSettings exchangeKafka, LocalKafkaSettings euKafka, int registryPort, int catalogPort,
                        int connectPort, boolean demo, Consumer<String> progress) {
            this(exchangeKafka, euKafka, registryPort, catalogPort, connectPort, demo, progress, null);
        }

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
    /** Each cluster's admin login, by cluster name; the admin applies the examples (in the teams' names when secure). */
    private final Map<String, Map<String, Object>> adminConfigs = new LinkedHashMap<>();
    private MeshTopology topology;
    private URI registryUrl;
    private URI catalogUrl;
    /** The principals of a secure mesh, registered on both clusters; null in open mode. */
    private SecureParts secure;
    /** Secure mode: what each cluster grants beyond its own listings (copies, MirrorMaker), by cluster name. */
    private Map<String, List<AclBinding>> crossClusterAcls = Map.of();

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
        adminConfigs.put(EXCHANGE, exchange.adminClientConfig());
        adminConfigs.put(EU, eu.adminClientConfig());
        progress.accept("kafka      exchange " + exchange.bootstrapServers() + ", eu " + eu.bootstrapServers());
        if (settings.credentials() != null) {
            checkpoint("the principals");
            prepareSecurity(settings.credentials());
            progress.accept("security   SASL/SCRAM-SHA-512 and ACLs on both clusters, every part as its own principal, "
                    + "MirrorMaker as " + MeshPrincipals.kafkaPrincipal(MeshPrincipals.MIRROR));
        }
        checkpoint("the schema registry");
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registryUrl = add(new RegistryPart(settings.registryPort(), http())
                .start(as(MeshPrincipals.REGISTRY, context(topology.exchange(), null, null, meters)))).url();
        progress.accept("registry   " + registryUrl + " (on the exchange)");
        Path stateDir = StreamsStateDir.create(null);
        add(() -> Utils.delete(stateDir.toFile()));
        add(() -> Closeables.closeTogether("isolated mesh service", services));
        for (MeshCluster cluster : topology.clusters()) {
            checkpoint("governance on " + cluster.name());
            startGovernance(cluster, stateDir.resolve(cluster.name()), meters);
            progress.accept("governance " + cluster.name() + ": contract gate (with residency), record gate, provisioner");
        }
        checkpoint("the catalog");
        catalogUrl = service(new CatalogPart(settings.catalogPort(), http(), Optional.of(topology))
                .start(as(MeshPrincipals.CATALOG, context(topology.exchange(), registryUrl.toString(), null, meters)))).url();
        progress.accept("catalog    " + catalogUrl + " (every cluster's products and lineage, each with servedOn)");
        applyExamples(progress);
        List<DomainApps> apps = startDomainApps(stateDir, meters, progress);
        startReplication(settings, progress);
        checkpoint("the demo");
        if (settings.demo()) {
            // Started last, so it stops first: each domain's raw events go to its home cluster, never elsewhere.
            Map<String, Map<String, Object>> byDomain = new LinkedHashMap<>();
            topology.clusters().forEach(c -> c.domains().forEach(d -> byDomain.put(d, clientConfig(c, MeshPrincipals.DEMO))));
            add(DemoGenerator.start(clientConfig(topology.exchange(), MeshPrincipals.DEMO), byDomain,
                    DemoPart.DEFAULT_CHECKOUTS_PER_SECOND, DemoPart.DEFAULT_HISTORY,
                    () -> apps.stream().allMatch(DomainApps::running)));
            progress.accept("demo       raw events for the domain apps, each domain's on its home cluster");
        }
    }

    /**
     * One credentials folder for both clusters: every principal (MirrorMaker's too) registered on each with the same
     * password and the services' static grants; then each cluster's grants for the copies MirrorMaker will make and the
     * reads across clusters, which no cluster's provisioner plans. Each cluster's own products' grants are its
     * provisioner's, awaited before the domain apps start.
     */
    private void prepareSecurity(CredentialStore credentials) {
        secure = SecureParts.prepare(credentials, adminConfigs.get(EXCHANGE), List.of(MeshPrincipals.MIRROR), List.of());
        secure.register(adminConfigs.get(EU));
        List<DataProduct> products = examples().stream().map(ExampleContracts.Example::product).toList();
        crossClusterAcls = IsolatedAcls.of(topology, products);
        for (MeshCluster cluster : topology.clusters()) {
            SecureParts.grant(adminConfigs.get(cluster.name()), crossClusterAcls.get(cluster.name()));
        }
    }

    /** The gates as {@code User:gate}, the provisioner as {@code User:provisioner} keeping the cross-cluster grants. */
    private void startGovernance(MeshCluster cluster, Path stateDir, PrometheusMeterRegistry meters) {
        if (secure == null) {
            service(Governance.start(new GovernanceSettings(clientConfig(cluster, null), registryUrl.toString(), stateDir,
                    meters, Duration.ofSeconds(30)).withClusters(topology)));
            return;
        }
        service(Governance.start(new GovernanceSettings(clientConfig(cluster, MeshPrincipals.GATE), registryUrl.toString(),
                stateDir, meters, Duration.ofSeconds(30)).withClusters(topology), health, Set.of(ContractGate.PART, RecordGate.PART)));
        service(Governance.start(new GovernanceSettings(clientConfig(cluster, MeshPrincipals.PROVISIONER), registryUrl.toString(),
                stateDir, meters, Duration.ofSeconds(30)).withClusters(topology).withExtraAcls(crossClusterAcls.get(cluster.name())),
                health, Set.of(Provisioner.PART)));
    }

    /** The examples, those of customers and shipping resident in eu; in secure mode each in its domain team's name. */
    private List<ExampleContracts.Example> examples() {
        return secure == null ? ResidentExamples.load(PRINCIPAL, EU_DOMAINS, EU)
                : ResidentExamples.load(domain -> MeshPrincipals.kafkaPrincipal(MeshPrincipals.team(domain)), EU_DOMAINS, EU);
    }

    private void applyExamples(Consumer<String> progress) throws TimeoutException {
        Map<String, ContractClient> clients = new LinkedHashMap<>();
        try {
            topology.clusters().forEach(c -> clients.put(c.name(), new ContractClient(secure == null
                    ? clientConfig(c, null) : adminConfigs.get(c.name()))));
            for (ExampleContracts.Example example : examples()) {
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

    /** Each cluster's apps; in secure mode each domain's as {@code User:app-<domain>}, reading the other cluster as it. */
    private List<DomainApps> startDomainApps(Path stateDir, PrometheusMeterRegistry meters, Consumer<String> progress)
            throws TimeoutException {
        List<DomainApps> started = new ArrayList<>();
        Map<String, List<DomainApp>> appsOn = Map.of(
                EXCHANGE, concat(OrdersDomain.apps(), PaymentsDomain.apps()),
                EU, concat(CustomersDomain.apps(), ShippingDomain.apps()));
        for (MeshCluster cluster : topology.clusters()) {
            awaitProductAcls(cluster, appsOn.get(cluster.name()), progress);
            checkpoint("the domain apps on " + cluster.name());
            // Open: one part per cluster. Secure: one per domain, as its apps' principal.
            Map<String, List<DomainApp>> byLogin = new LinkedHashMap<>();
            for (String domain : cluster.domains()) {
                byLogin.computeIfAbsent(secure == null ? "" : MeshPrincipals.app(domain), p -> new ArrayList<>())
                        .addAll(appsOn.get(cluster.name()).stream().filter(a -> a.applicationId().startsWith(domain + "-")).toList());
            }
            byLogin.forEach((principal, apps) -> {
                String login = principal.isEmpty() ? null : principal;
                List<Map<String, Object>> elsewhere = topology.clusters().stream().filter(c -> c != cluster)
                        .map(c -> clientConfig(c, login)).toList();
                started.add(service(DomainApps.start(clientConfig(cluster, login), registryUrl.toString(),
                        stateDir.resolve(cluster.name() + "-domains"), meters, apps, health, elsewhere)));
            });
            progress.accept("domains    " + cluster.name() + ": " + appsOn.get(cluster.name()).size() + " Kafka Streams apps");
        }
        return started;
    }

    /** In secure mode, waits until {@code cluster}'s provisioner granted what its apps, the catalog and Connect need there. */
    private void awaitProductAcls(MeshCluster cluster, List<DomainApp> apps, Consumer<String> progress) throws TimeoutException {
        if (secure == null) {
            return;
        }
        checkpoint("the ACLs on " + cluster.name());
        List<String> here = listed.getOrDefault(cluster.name(), List.of());
        Map<String, DataProduct> products = new LinkedHashMap<>();
        examples().stream().map(ExampleContracts.Example::product).filter(p -> here.contains(p.name()))
                .forEach(p -> products.put(p.name(), p));
        GrantedAcls.await(adminConfigs.get(cluster.name()), ExampleAccess.needs(products, apps), ACL_TIMEOUT,
                () -> checkpoint("the ACLs on " + cluster.name() + " were granted"));
        progress.accept("acls       " + cluster.name() + ": the provisioner granted its products' readers and writers");
    }

    private void startReplication(Settings settings, Consumer<String> progress) {
        for (MeshCluster target : topology.clusters()) {
            checkpoint("Kafka Connect on " + target.name());
            int port = target.exchange() ? settings.connectPort() : 0;
            ConnectWorkerSettings workerSettings = ConnectWorkerSettings.defaults(target.bootstrapServers())
                    .withPort(port).withOverrides(Map.of("exactly.once.source.support", "enabled"));
            if (secure != null) {
                workerSettings = workerSettings.withOverrides(ConnectPart.workerClientSettings(
                        clientConfig(target, MeshPrincipals.CONNECT))).withUsersFile(secure.httpUsersFile());
            }
            ConnectWorker worker = target.exchange() ? dashboardWorker(workerSettings, progress)
                    : service(ConnectWorker.start(workerSettings));
            connectUrls.put(target.name(), worker.restUrl());
            for (MeshCluster source : topology.clusters()) {
                if (source != target) {
                    ReplicationRoute route = new ReplicationRoute(source.name(), target.name());
                    ReplicationSettings replication = ReplicationSettings.of(topology, route, worker.restUrl().toString())
                            .withReplicationFactor((short) 1);
                    if (secure != null) {
                        replication = replication.withCredentials(secure.file(MeshPrincipals.MIRROR));
                    }
                    service(ReplicationRunner.start(replication, health.part(ReplicationRunner.partName(route))));
                    progress.accept("replicate  " + route + " with MirrorMaker 2 on " + worker.restUrl()
                            + (secure == null ? "" : " as " + MeshPrincipals.kafkaPrincipal(MeshPrincipals.MIRROR)));
                }
            }
        }
    }

    /** The exchange's worker, with the dashboard sink when PostgreSQL answers: it reads what the exchange serves. */
    private ConnectWorker dashboardWorker(ConnectWorkerSettings workerSettings, Consumer<String> progress) {
        Map<String, String> sink = new LinkedHashMap<>(Map.of("topics", DashboardTopics.servedOn(topology, topology.exchange())));
        if (secure != null) {
            sink.putAll(ConnectPart.converterSignIn(clientConfig(topology.exchange(), MeshPrincipals.CONNECT)));
        }
        EmbeddedConnect connect = service(EmbeddedConnect.start(workerSettings, registryUrl, sink));
        progress.accept("sink       " + connect.sinkSkipped().map(why -> "no dashboard sink: " + why)
                .orElse("dashboard sink to PostgreSQL from the exchange"));
        return connect.worker();
    }

    private static List<DomainApp> concat(List<DomainApp> a, List<DomainApp> b) {
        List<DomainApp> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Client settings on {@code cluster}: open, or logged in as {@code principal} in secure mode. */
    private Map<String, Object> clientConfig(MeshCluster cluster, String principal) {
        if (secure == null || principal == null) {
            return Map.of("bootstrap.servers", cluster.bootstrapServers());
        }
        Map<String, Object> config = secure.clientConfig(principal);
        config.put("bootstrap.servers", cluster.bootstrapServers());
        return config;
    }

    private PartContext context(MeshCluster cluster, String registry, Path state, PrometheusMeterRegistry meters) {
        return new PartContext(clientConfig(cluster, null), registry, HOST, state, meters, health);
    }

    /** {@code context} logged in as {@code principal} in secure mode; itself when open. */
    private PartContext as(String principal, PartContext context) {
        return secure == null ? context : secure.as(principal, context);
    }

    /** Secure mode: the registry, the catalog and the workers sign HTTP callers in with the credentials folder's users. */
    private HttpSecurity http() {
        return secure == null ? HttpSecurity.open() : secure.http();
    }

    /** The folder of the principals' credential files in secure mode, null in open mode. */
    public Path credentialsDirectory() {
        return secure == null ? null : secure.directory();
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
