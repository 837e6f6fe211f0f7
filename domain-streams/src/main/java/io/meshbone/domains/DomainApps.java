package io.meshbone.domains;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.meshbone.domains.customers.CustomersDomain;
import io.meshbone.domains.dsl.MeshStreams;
import io.meshbone.domains.dsl.ProductCatalog;
import io.meshbone.domains.internal.RunningApp;
import io.meshbone.domains.orders.OrdersDomain;
import io.meshbone.domains.payments.PaymentsDomain;
import io.meshbone.domains.raw.RawTopicAdmin;
import io.meshbone.domains.shipping.ShippingDomain;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.control.ListedProducts;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.platform.health.PartReporter;
import io.meshbone.platform.lifecycle.Closeables;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every example domain app: each starts, with its OpenLineage run events and Micrometer metrics, as soon
 * as the products it reads and publishes are listed in the mesh.
 *
 * <p>{@link #start} returns at once; a background thread reads {@code _mesh.products} every two seconds until
 * every app has started, so the apps may be started before the example contracts are applied.
 */
public final class DomainApps implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DomainApps.class);
    private static final Duration POLL = Duration.ofSeconds(2);
    /** Each app reports its health as {@code domain-app:<application id>}. */
    public static final String PART_PREFIX = "domain-app:";

    private final Map<String, Object> clientConfig;
    private final String registryUrl;
    private final Path stateDir;
    private final MeterRegistry meters;
    private final List<DomainApp> apps;
    private final String clusterId;
    private final Map<String, RunningApp> running = new ConcurrentHashMap<>();
    private final Map<String, PartReporter> health = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread starter;
    private volatile List<Map<String, Object>> listedElsewhere = List.of();

    private DomainApps(Map<String, Object> clientConfig, String registryUrl, Path stateDir, MeterRegistry meters,
                       List<DomainApp> apps, HealthRegistry healthRegistry) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.registryUrl = Objects.requireNonNull(registryUrl, "registryUrl");
        this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.apps = List.copyOf(apps);
        for (DomainApp app : this.apps) {
            PartReporter part = healthRegistry.part(PART_PREFIX + app.applicationId());
            part.starting("waiting for its products to be listed");
            health.put(app.applicationId(), part);
        }
        this.clusterId = RawTopicAdmin.ensureRawTopics(this.clientConfig);
        this.starter = new Thread(this::startWhenListed, "domain-apps-starter");
        this.starter.setDaemon(true);
    }

    /** Starts every example domain app against the mesh at {@code bootstrapServers}. */
    public static DomainApps start(String bootstrapServers, String registryUrl, Path stateDir, MeterRegistry meters) {
        return start(Map.of("bootstrap.servers", bootstrapServers), registryUrl, stateDir, meters);
    }

    /** Starts every example domain app with these Kafka client settings (bootstrap servers, security). */
    public static DomainApps start(Map<String, Object> clientConfig, String registryUrl, Path stateDir, MeterRegistry meters) {
        return start(clientConfig, registryUrl, stateDir, meters, all());
    }

    /** Starts the given apps. */
    public static DomainApps start(Map<String, Object> clientConfig, String registryUrl, Path stateDir, MeterRegistry meters,
                                   List<DomainApp> apps) {
        return start(clientConfig, registryUrl, stateDir, meters, apps, new HealthRegistry());
    }

    /** Starts the given apps, each reporting its health to {@code health} as {@code domain-app:<application id>}. */
    public static DomainApps start(Map<String, Object> clientConfig, String registryUrl, Path stateDir, MeterRegistry meters,
                                   List<DomainApp> apps, HealthRegistry health) {
        DomainApps domainApps = new DomainApps(clientConfig, registryUrl, stateDir, meters, apps, health);
        domainApps.starter.start();
        return domainApps;
    }

    /**
     * Starts the given apps on one cluster of an isolated mesh: an app may also read products listed on the clusters
     * {@code listedElsewhere} names (their client settings), once MirrorMaker has made their topics here; this
     * cluster's own listing of a name wins.
     */
    public static DomainApps start(Map<String, Object> clientConfig, String registryUrl, Path stateDir, MeterRegistry meters,
                                   List<DomainApp> apps, HealthRegistry health, List<Map<String, Object>> listedElsewhere) {
        DomainApps domainApps = new DomainApps(clientConfig, registryUrl, stateDir, meters, apps, health);
        // Reading another cluster must not create its _mesh.products where no gate has yet.
        domainApps.listedElsewhere = listedElsewhere.stream().map(config -> {
            Map<String, Object> reader = new HashMap<>(config);
            reader.put("allow.auto.create.topics", false);
            return Map.copyOf(reader);
        }).toList();
        domainApps.starter.start();
        return domainApps;
    }

    /** Every example app of the four domains. */
    public static List<DomainApp> all() {
        List<DomainApp> all = new ArrayList<>();
        all.addAll(OrdersDomain.apps());
        all.addAll(CustomersDomain.apps());
        all.addAll(PaymentsDomain.apps());
        all.addAll(ShippingDomain.apps());
        return all;
    }

    /** True once every app has started and is processing. */
    public boolean running() {
        return running.size() == apps.size()
                && running.values().stream().allMatch(app -> app.state() == KafkaStreams.State.RUNNING);
    }

    /** Application ids of the apps started so far. */
    public Set<String> started() {
        return Set.copyOf(running.keySet());
    }

    private void startWhenListed() {
        boolean waitingLogged = false;
        try {
            while (running.size() < apps.size()) {
                try {
                    startListedApps();
                } catch (RuntimeException e) {
                    // A broker or registry hiccup: the next round tries again.
                    log.warn("could not start the listed domain apps yet: {}", e.getMessage());
                }
                if (running.size() < apps.size() && !waitingLogged) {
                    log.info("{} of {} domain apps wait for their products to be listed", apps.size() - running.size(), apps.size());
                    waitingLogged = true;
                }
                if (closing.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            log.info("all {} domain apps started", apps.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startListedApps() {
        List<DataProduct> listed = new ArrayList<>(ListedProducts.read(clientConfig, Duration.ofSeconds(30)));
        CopiedProducts copies = listedElsewhere.isEmpty() ? CopiedProducts.NONE
                : CopiedProducts.read(clientConfig, listedElsewhere, listed);
        listed.addAll(copies.products().values());
        ProductCatalog catalog = ProductCatalog.of(listed, registryUrl, clientConfig);
        for (DomainApp app : apps) {
            if (!running.containsKey(app.applicationId()) && catalog.lists(app.products()) && copies.arrived(app.products())
                    && closing.getCount() > 0) {
                running.put(app.applicationId(), start(app, catalog));
            }
        }
    }

    private RunningApp start(DomainApp app, ProductCatalog catalog) {
        Properties config = new Properties();
        config.putAll(clientConfig);
        config.putAll(MeshStreams.streamsConfig(app.applicationId(), (String) clientConfig.get("bootstrap.servers"), stateDir));
        log.info("starting domain app {}", app.applicationId());
        return RunningApp.start(app.applicationId(), app.topology().apply(catalog), config, clientConfig, clusterId, meters,
                health.get(app.applicationId()));
    }

    /** Stops the starter and every app, sending each app's OpenLineage COMPLETE event. */
    @Override
    public void close() {
        closing.countDown();
        try {
            starter.join(Duration.ofSeconds(35).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Each app's close waits for its commit and group leave; closing them side by side keeps a stop within seconds.
        Closeables.closeTogether("domain app", running.values());
    }
}
