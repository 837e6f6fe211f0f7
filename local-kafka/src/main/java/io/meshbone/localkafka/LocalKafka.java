package io.meshbone.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.meshbone.localkafka.internal.FreePorts;
import io.meshbone.localkafka.internal.KafkaNode;
import io.meshbone.localkafka.internal.NodeConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka cluster in KRaft mode, running inside this JVM.
 *
 * <p>One node runs as a combined broker and controller. Three nodes run as three brokers
 * beside one dedicated controller: Kafka 4.1's combined three-voter quorum hangs on close when
 * every node lives in one JVM. Replication of the offsets and transaction state topics, and the
 * transaction log's min ISR, follow the broker count, so exactly-once works out of the box.
 */
public final class LocalKafka implements KafkaCluster {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
    private static final String CLUSTER_ID_FILE = "cluster.id";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final LocalKafkaSettings settings;
    private final Path dataDir;
    private final boolean temporaryDataDir;
    private final List<KafkaNode> brokers = new ArrayList<>();
    private final List<KafkaNode> controllers = new ArrayList<>();
    private String bootstrapServers;
    private String clusterId;
    private boolean closed;

    private LocalKafka(LocalKafkaSettings settings) {
        this.settings = settings;
        this.temporaryDataDir = settings.dataDir() == null;
        this.dataDir = temporaryDataDir ? createTempDir() : settings.dataDir();
    }

    /**
     * Starts a cluster with these settings and returns once every broker serves clients.
     *
     * <p>A kept data dir last run open is made secure first, when {@code settings} are: it starts once more open on
     * loopback ports, gets the admin's SCRAM credential and stops. A data dir last run secure refuses open settings
     * with an {@link IllegalStateException}: open listeners would serve its data to anyone.
     */
    public static LocalKafka start(LocalKafkaSettings settings) {
        DataDirSecurity stored = DataDirSecurity.of(settings.dataDir());
        if (stored == DataDirSecurity.SECURE && !settings.secure()) {
            throw new IllegalStateException("Kafka data dir " + settings.dataDir() + " was set up secure (SASL/SCRAM with ACLs): "
                    + "start it with security, or use another data dir for an open cluster");
        }
        if (stored == DataDirSecurity.OPEN && settings.secure()) {
            addAdminCredential(settings);
        }
        LocalKafka kafka = new LocalKafka(settings);
        try {
            kafka.startNodes();
            kafka.awaitReady();
            if (!kafka.temporaryDataDir) {
                DataDirSecurity.remember(kafka.dataDir, DataDirSecurity.of(settings));
            }
            return kafka;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /**
     * A data dir formatted open has no SCRAM credential for the admin, so no one could log in to it secure. It runs
     * open once more, on loopback and free ports so nothing else can reach it meanwhile, to add the credential.
     */
    private static void addAdminCredential(LocalKafkaSettings secure) {
        log.info("Kafka data dir {} was last run open: adding the admin's SCRAM credential before starting it secure",
                secure.dataDir());
        LocalKafkaSettings open = new LocalKafkaSettings(secure.brokers(), "localhost", 0, secure.dataDir(),
                secure.brokerConfigs());
        try (LocalKafka kafka = start(open); Admin admin = Admin.create(kafka.adminClientConfig())) {
            ScramUsers.upsert(admin, KafkaSecurity.ADMIN, secure.security().adminPassword());
            DataDirSecurity.remember(secure.dataDir(), DataDirSecurity.SECURE);
        }
    }

    /** Starts one node on ephemeral ports with temporary storage: the test default. */
    public static LocalKafka startSingleNode() {
        return start(LocalKafkaSettings.defaults());
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public int brokerCount() {
        return settings.brokers();
    }

    /** Whether clients must authenticate by SCRAM and hold ACLs. */
    @Override
    public boolean secure() {
        return settings.secure();
    }

    /** In a secure cluster the admin's: only the admin exists until others are added. */
    @Override
    public Map<String, Object> clientConfig() {
        return adminClientConfig();
    }

    @Override
    public Map<String, Object> adminClientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (settings.secure()) {
            config.putAll(settings.security().adminClientConfig());
        }
        return Map.copyOf(config);
    }

    /**
     * The client properties of {@code user} on this cluster: bootstrap servers plus, when
     * secure, its SCRAM login. Register the user first with {@link ScramUsers#upsert}.
     */
    public Map<String, Object> clientConfig(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (settings.secure()) {
            config.putAll(KafkaSecurity.clientConfig(user, password));
        }
        return Map.copyOf(config);
    }

    /** Where the cluster keeps its logs. */
    public Path dataDir() {
        return dataDir;
    }

    private void startNodes() {
        int brokerCount = settings.brokers();
        boolean combined = brokerCount == 1;
        int[] brokerPorts = brokerPorts(brokerCount);
        int controllerPort = settings.port() == 0 ? FreePorts.pick(1)[0] : settings.port() + brokerCount;
        clusterId = clusterId();
        List<String> endpoints = new ArrayList<>();

        if (!combined) {
            KafkaNode controller = new KafkaNode(0, nodeDir(0),
                    NodeConfigs.controller(0, controllerPort, nodeDir(0), settings), settings.security());
            controllers.add(controller);
            controller.start(clusterId);
        }
        for (int i = 0; i < brokerCount; i++) {
            int nodeId = combined ? 0 : i + 1;
            Map<String, String> config = combined
                    ? NodeConfigs.combined(nodeId, brokerPorts[i], controllerPort, nodeDir(nodeId), settings)
                    : NodeConfigs.broker(nodeId, brokerPorts[i], controllerPort, nodeDir(nodeId), settings);
            KafkaNode broker = new KafkaNode(nodeId, nodeDir(nodeId), config, settings.security());
            brokers.add(broker);
            broker.start(clusterId);
            endpoints.add(settings.host() + ":" + brokerPorts[i]);
        }
        bootstrapServers = String.join(",", endpoints);
    }

    /**
     * Stops one broker of a multi-broker cluster (a controlled shutdown: its partitions' leadership moves to the
     * others first) and keeps its data, so {@link #startBroker} brings it back. Broker ids are 1..3.
     */
    public synchronized void stopBroker(int nodeId) {
        broker(nodeId).stop();
        log.info("Kafka broker {} stopped", nodeId);
    }

    /** Starts a broker that {@link #stopBroker} stopped, on its old port and data; it catches up as a follower. */
    public synchronized void startBroker(int nodeId) {
        KafkaNode broker = broker(nodeId);
        if (broker.running()) {
            throw new IllegalStateException("broker " + nodeId + " is running");
        }
        broker.start(clusterId);
        log.info("Kafka broker {} started again", nodeId);
    }

    private KafkaNode broker(int nodeId) {
        if (brokers.size() < 2 || closed) {
            throw new IllegalStateException("only a running multi-broker cluster stops and starts single brokers");
        }
        return brokers.stream().filter(node -> node.nodeId() == nodeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("broker: expected one of 1.." + brokers.size() + ", got " + nodeId));
    }

    private int[] brokerPorts(int count) {
        if (settings.port() == 0) {
            return FreePorts.pick(count);
        }
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            ports[i] = settings.port() + i;
        }
        return ports;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, Object> config = new HashMap<>(adminClientConfig());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            while (true) {
                int alive = admin.describeCluster().nodes().get().size();
                if (alive == settings.brokers()) {
                    log.info("Kafka ready at {} ({} broker(s), {}, data in {})", bootstrapServers, alive,
                            settings.secure() ? "SASL/SCRAM-SHA-512 with ACLs" : "open PLAINTEXT", dataDir);
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + alive + " of " + settings.brokers()
                            + " brokers registered within " + READY_TIMEOUT);
                }
                // describeCluster answers as soon as one broker is up; the others register moments later.
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka to become ready", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SaslAuthenticationException) {
                throw new IllegalStateException("Kafka at " + bootstrapServers + " refused the admin's password: data dir "
                        + dataDir + " keeps the admin credential it was first secured with", e.getCause());
            }
            throw new IllegalStateException("Kafka did not become ready at " + bootstrapServers, e.getCause());
        }
    }

    private String clusterId() {
        Path file = dataDir.resolve(CLUSTER_ID_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.createDirectories(dataDir);
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private Path nodeDir(int nodeId) {
        return dataDir.resolve("node-" + nodeId);
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("meshbone-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary Kafka data dir", e);
        }
    }

    /** Stops brokers first, then the controller, then removes temporary storage. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        brokers.forEach(KafkaNode::stop);
        controllers.forEach(KafkaNode::stop);
        if (temporaryDataDir) {
            deleteRecursively(dataDir);
        }
        log.info("Kafka at {} stopped", bootstrapServers);
    }

    private static void deleteRecursively(Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (IOException e) {
            log.warn("could not delete temporary Kafka data dir {}: {}", dir, e.getMessage());
        }
    }
}
