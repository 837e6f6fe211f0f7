package io.meshbone.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.meshbone.catalog.CatalogServer;
import io.meshbone.connect.EmbeddedConnect;
import io.meshbone.domains.DomainApp;
import io.meshbone.domains.DomainApps;
import io.meshbone.governance.ContractGate;
import io.meshbone.governance.Provisioner;
import io.meshbone.governance.RecordGate;
import io.meshbone.cli.internal.ExampleAccess;
import io.meshbone.cli.internal.GrantedAcls;
import io.meshbone.cli.internal.SecureParts;
import io.meshbone.http.HttpSecurity;
import io.meshbone.platform.security.CredentialStore;
import io.meshbone.platform.security.MeshPrincipals;
import io.meshbone.cli.internal.ExampleContracts;
import io.meshbone.cli.serve.CatalogPart;
import io.meshbone.cli.serve.ConnectPart;
import io.meshbone.cli.serve.DemoPart;
import io.meshbone.cli.serve.DomainsPart;
import io.meshbone.cli.serve.GovernancePart;
import io.meshbone.cli.serve.KafkaPart;
import io.meshbone.cli.serve.PartContext;
import io.meshbone.cli.serve.RegistryPart;
import io.meshbone.cli.serve.StreamsStateDir;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.localkafka.LocalKafka;
import io.meshbone.localkafka.LocalKafkaSettings;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.platform.lifecycle.Closeables;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.PolicyRequest;
import io.meshbone.platform.policy.Policies;
import io.meshbone.registry.SchemaRegistryServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole mesh in one JVM, as {@code meshbone up} runs it: Kafka (embedded, or an existing cluster), the schema
 * registry, governance (contract gate, record gate, provisioner), the catalog, the example contracts applied, the
 * example domain apps, a Kafka Connect worker unless turned off (with the dashboard sink only when PostgreSQL is
 * reachable) and, when asked for, demo traffic for the domain apps.
 *
 * <p>Closing stops the demo traffic first; then governance, the catalog, the domain apps and Connect side by side
 * (independent Kafka clients); then deletes their Streams state directory, stops the registry and, last, the
 * embedded Kafka. A part given to {@link #add(AutoCloseable)} after start stops before all of them.
 */
public final class EmbeddedMesh implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMesh.class);
    private static final String PRINCIPAL = "User:meshbone-up";
    /** Where {@code up}'s HTTP listeners bind and what their URLs say. */
    private static final String HOST = "localhost";
    /** How long the provisioner may take to grant the example products' ACLs. */
    private static final Duration ACL_TIMEOUT = Duration.ofSeconds(60);

    /**
     * How to run the mesh.
     *
     * @param bootstrapServers an existing cluster to use, or null to start {@code kafka}
     * @param kafka            the embedded cluster's settings, when {@code bootstrapServers} is null
     * @param registryPort     the schema registry's port (0 = free port)
     * @param catalogPort      the catalog's port (0 = free port)
     * @param connectPort      the Kafka Connect worker's REST port (0 = free port, -1 = no worker)
     * @param demo             whether to publish demo raw events for the example domain apps
     * @param progress         receives one line per step, for a person watching
     * @param credentials      where the principals' credentials go in secure mode (the embedded cluster then
     *                         needs {@link LocalKafkaSettings#withSecurity} with the admin's password from here),
     *                         or null for open mode
     */
    public record Settings(String bootstrapServers, LocalKafkaSettings kafka, int registryPort, int catalogPort,
                           int connectPort, boolean demo, Consumer<String> progress, CredentialStore credentials) {

        /** Open mode. */
        public Settings(String bootstrapServers, LocalKafkaSettings kafka, int registryPort, int catalogPort,
                        int connectPort, boolean demo, Consumer<String> progress) {
            this(bootstrapServers, kafka, registryPort, catalogPort, connectPort, demo, progress, null);
        }
    }

    private final BooleanSupplier stopRequested;
    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private final List<AutoCloseable> services = new ArrayList<>();
    /** Every part of the mesh reports here; the catalog serves it on {@code GET /api/health}. */
    private final HealthRegistry health = new HealthRegistry();
    private String bootstrapServers;
    private URI registryUrl;
    private URI catalogUrl;
    private URI connectUrl;
    private Map<String, Object> clientConfig;
    private Path stateDir;
    /** The principals of a secure mesh; null in open mode. */
    private SecureParts secure;

    private EmbeddedMesh(BooleanSupplier stopRequested) {
        this.stopRequested = stopRequested;
    }

    /**
     * Starts every part and applies the example contracts; returns once each contract has its decision and the
     * provisioner has created the staging topics of those accepted.
     */
    public static EmbeddedMesh start(Settings settings) throws TimeoutException {
        return start(settings, () -> false);
    }

    /**
     * Like {@link #start(Settings)}, but gives up between start-up steps, and while it waits for the example
     * contracts' topics, once {@code stopRequested} says so: it then stops what it started and throws
     * {@link CancellationException}. A flag, not an interrupt: an interrupt can land in a library's class
     * initialisation (Kafka's logging) and break it for the rest of the JVM.
     */
    public static EmbeddedMesh start(Settings settings, BooleanSupplier stopRequested) throws TimeoutException {
        EmbeddedMesh mesh = new EmbeddedMesh(stopRequested);
        try {
            mesh.startAll(settings);
            return mesh;
        } catch (RuntimeException | TimeoutException e) {
            mesh.close();
            throw e;
        }
    }

    /** Gives up between start-up steps once a stop was requested. */
    private void checkpoint(String next) {
        if (stopRequested.getAsBoolean()) {
            throw new CancellationException("start-up stopped before " + next);
        }
    }

    /** The health of every part of this mesh, as {@code GET /api/health} serves it. */
    public HealthRegistry health() {
        return health;
    }

    private void startAll(Settings settings) throws TimeoutException {
        Consumer<String> progress = settings.progress();
        if (settings.bootstrapServers() == null) {
            LocalKafka kafka = add(new KafkaPart(settings.kafka()).start());
            bootstrapServers = kafka.bootstrapServers();
            clientConfig = kafka.adminClientConfig();
        } else {
            bootstrapServers = settings.bootstrapServers();
            clientConfig = Map.of("bootstrap.servers", bootstrapServers);
        }
        progress.accept("kafka      " + bootstrapServers);
        if (settings.credentials() != null) {
            checkpoint("the principals");
            secure = SecureParts.prepare(settings.credentials(), clientConfig);
            progress.accept("security   SASL/SCRAM-SHA-512 and ACLs, every part as its own principal");
        }
        // Every part starts against the same context: the cluster, this host, the shared meters and health.
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        checkpoint("the schema registry");
        SchemaRegistryServer registry = add(new RegistryPart(settings.registryPort(), http())
                .start(as(MeshPrincipals.REGISTRY, new PartContext(clientConfig, null, HOST, null, meters, health))));
        registryUrl = registry.url();
        progress.accept("registry   " + registryUrl);
        Path dataDir = settings.kafka() == null ? null : settings.kafka().dataDir();
        stateDir = StreamsStateDir.create(dataDir);
        PartContext context = new PartContext(clientConfig, registryUrl.toString(), HOST, stateDir, meters, health);
        if (dataDir == null) {
            // Added before governance, so it runs after the Streams apps have closed their stores.
            add(new NamedPart("state directory", () -> Utils.delete(stateDir.toFile())));
        }
        // Governance, catalog, domain apps and Connect are independent Kafka clients: they stop side by side.
        add(new NamedPart("services", () -> Closeables.closeTogether("mesh service", services)));
        checkpoint("governance");
        if (secure == null) {
            service(GovernancePart.all().start(context));
        } else {
            service(new GovernancePart(Set.of(ContractGate.PART, RecordGate.PART)).start(as(MeshPrincipals.GATE, context)));
            service(new GovernancePart(Set.of(Provisioner.PART)).start(as(MeshPrincipals.PROVISIONER, context)));
        }
        progress.accept("governance contract gate, record gate, provisioner");
        checkpoint("the catalog");
        CatalogServer catalog = service(new CatalogPart(settings.catalogPort(), http(), Optional.empty()).start(as(MeshPrincipals.CATALOG, context)));
        catalogUrl = catalog.url();
        progress.accept("catalog    " + catalogUrl);
        checkpoint("the example contracts");
        Map<String, DataProduct> listed = applyExamples(progress);
        awaitTopics(listed.values().stream().map(p -> p.names().stagingTopic()).toList());
        if (secure != null) {
            // The provisioner grants the per-product ACLs from _mesh.products; the apps start once brokers have them.
            checkpoint("the ACLs");
            GrantedAcls.await(clientConfig, ExampleAccess.needs(listed, DomainApps.all()), ACL_TIMEOUT,
                    () -> checkpoint("the ACLs were granted"));
            progress.accept("acls       the provisioner granted the example products' readers and writers");
        }
        // Each domain app starts as soon as the products it reads and writes are listed.
        checkpoint("the domain apps");
        List<DomainApps> domainApps = startDomainApps(context);
        progress.accept("domains    " + DomainApps.all().size() + " Kafka Streams apps (orders, customers, payments, shipping)");
        checkpoint("Kafka Connect");
        if (settings.connectPort() >= 0) {
            EmbeddedConnect connect = service(new ConnectPart(settings.connectPort(), http()).start(as(MeshPrincipals.CONNECT, context)));
            connectUrl = connect.restUrl();
            progress.accept("connect    " + connectUrl + connect.sinkSkipped().map(why -> " (no dashboard sink: " + why + ")")
                    .orElse(" dashboard sink to PostgreSQL"));
        }
        checkpoint("the demo");
        if (settings.demo()) {
            // The history waits for the domain apps, so every partition's share reaches the hourly windows in step.
            add(new DemoPart(DemoPart.DEFAULT_CHECKOUTS_PER_SECOND, DemoPart.DEFAULT_HISTORY,
                    c -> () -> domainApps.stream().allMatch(DomainApps::running))
                    .start(as(MeshPrincipals.DEMO, context)));
            progress.accept("demo       raw checkout, payment, status and profile events for the domain apps");
        }
    }

    private Map<String, DataProduct> applyExamples(Consumer<String> progress) throws TimeoutException {
        Map<String, DataProduct> listed = new LinkedHashMap<>();
        try (ContractClient contracts = new ContractClient(clientConfig)) {
            // The default policies first, so every example is decided under them.
            for (Policies.Document policy : Policies.defaults()) {
                checkpoint("policy " + policy.file());
                Decision decision = contracts.apply(PolicyRequest.apply(Policies.GOVERNANCE_PRINCIPAL,
                        "policies/" + policy.file(), policy.yaml()), Duration.ofSeconds(60));
                progress.accept("policy     " + decision.policy() + " v" + decision.version() + " " + decision.outcome()
                        + (decision.accepted() ? "" : " " + decision.reasons()));
            }
            // In secure mode each domain's team applies its contracts: the admin writes the requests in their name.
            for (ExampleContracts.Example example : secure == null ? ExampleContracts.load(PRINCIPAL)
                    : ExampleContracts.load(EmbeddedMesh::teamPrincipal)) {
                checkpoint("contract " + example.product().name());
                Decision decision = contracts.apply(example.request(), Duration.ofSeconds(60));
                progress.accept("contract   " + example.product().name() + " " + decision.outcome()
                        + (decision.accepted() ? "" : " " + decision.reasons()));
                if (decision.accepted()) {
                    listed.put(example.product().name(), example.product());
                }
            }
        }
        return listed;
    }

    private void awaitTopics(List<String> topics) throws TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Admin admin = Admin.create(clientConfig)) {
            while (System.nanoTime() < deadline) {
                Set<String> names = admin.listTopics().names().get();
                if (names.containsAll(topics)) {
                    return;
                }
                checkpoint("the product topics were created");
                Thread.sleep(100);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the product topics", e);
        }
        throw new TimeoutException("the provisioner did not create " + topics + " within 60 s");
    }

    /** Open mode: every domain app as one part. Secure: each domain's apps as {@code User:app-<domain>}. */
    private List<DomainApps> startDomainApps(PartContext context) {
        if (secure == null) {
            return List.of(service(DomainsPart.all().start(context)));
        }
        List<DomainApps> started = new ArrayList<>();
        for (String domain : MeshPrincipals.EXAMPLE_DOMAINS) {
            List<DomainApp> apps = DomainApps.all().stream()
                    .filter(app -> app.applicationId().startsWith(domain + "-")).toList();
            if (!apps.isEmpty()) {
                started.add(service(new DomainsPart(apps).start(as(MeshPrincipals.app(domain), context))));
            }
        }
        return started;
    }

    /** Secure mode: the HTTP services sign callers in as the principals of the credentials folder. */
    private HttpSecurity http() {
        return secure == null ? HttpSecurity.open() : secure.http();
    }

    /** {@code context} with the client settings of {@code principal} in secure mode; {@code context} itself when open. */
    private PartContext as(String principal, PartContext context) {
        return secure == null ? context : secure.as(principal, context);
    }

    private static String teamPrincipal(String domain) {
        return MeshPrincipals.kafkaPrincipal(MeshPrincipals.team(domain));
    }

    /** The folder of the principals' credential files in secure mode, null in open mode. */
    public Path credentialsDirectory() {
        return secure == null ? null : secure.directory();
    }

    /** Adds a part that stops with the other services, after the parts added later and before those added earlier. */
    private <T extends AutoCloseable> T service(T part) {
        services.add(part);
        return part;
    }

    /** Adds a part that stops (in reverse order of adding) when the mesh closes; returns it. */
    public <T extends AutoCloseable> T add(T part) {
        parts.push(part);
        return part;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public URI registryUrl() {
        return registryUrl;
    }

    public URI catalogUrl() {
        return catalogUrl;
    }

    /** The Connect worker's REST URL, or null when the mesh runs without one. */
    public URI connectUrl() {
        return connectUrl;
    }

    /** Kafka client properties for this mesh. */
    public Map<String, Object> clientConfig() {
        return new HashMap<>(clientConfig);
    }

    /** Stops every part, newest first; keeps going when one fails. */
    @Override
    public void close() {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            long start = System.nanoTime();
            try {
                part.close();
                log.debug("{} closed in {} ms", name(part), (System.nanoTime() - start) / 1_000_000);
            } catch (Exception e) {
                log.warn("{} did not close cleanly: {}", name(part), e.toString());
            }
        }
    }

    private static String name(AutoCloseable part) {
        return part instanceof NamedPart named ? named.name() : part.getClass().getSimpleName();
    }

    /** A part that is a few lines rather than a class, known by name in the close log. */
    private record NamedPart(String name, AutoCloseable body) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            body.close();
        }
    }
}
