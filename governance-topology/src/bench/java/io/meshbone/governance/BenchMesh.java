package io.meshbone.governance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.meshbone.localkafka.LocalKafka;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One in-process broker and schema registry with {@code payments.payment-settled} listed through the real contract
 * gate and provisioned by the real provisioner; the governance services are stopped again once it is listed.
 */
final class BenchMesh implements AutoCloseable {

    static final String PRODUCT = "payments.payment-settled";
    static final String TOPIC = PRODUCT + ".v1";
    static final String STAGING = TOPIC + ".staging";
    static final int PARTITIONS = 6;

    private final LocalKafka kafka;
    private final SchemaRegistryServer registry;
    private final Path stateDir;

    private BenchMesh(LocalKafka kafka, SchemaRegistryServer registry, Path stateDir) {
        this.kafka = kafka;
        this.registry = registry;
        this.stateDir = stateDir;
    }

    static BenchMesh start() throws Exception {
        LocalKafka kafka = LocalKafka.startSingleNode();
        SchemaRegistryServer registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers()).withPort(0));
        BenchMesh mesh = new BenchMesh(kafka, registry, Files.createTempDirectory("gate-bench-"));
        mesh.listPayments();
        return mesh;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    Map<String, Object> clientConfig() {
        return kafka.clientConfig();
    }

    String registryUrl() {
        return registry.url().toString();
    }

    Path stateDir() {
        return stateDir;
    }

    private void listPayments() throws Exception {
        GovernanceSettings settings = new GovernanceSettings(clientConfig(), registryUrl(), stateDir.resolve("governance"),
                new SimpleMeterRegistry(), Duration.ofSeconds(30));
        try (Governance governance = Governance.start(settings);
             ContractClient contracts = new ContractClient(clientConfig());
             Admin admin = Admin.create(clientConfig())) {
            Path descriptor = Payments.SCHEMAS_DIR.resolve("payments").resolve("payment-settled.product.yaml");
            Decision decision = contracts.apply(ContractClient.request(descriptor, "payments/payment-settled.product.yaml", "User:bench"),
                    Duration.ofSeconds(60));
            if (!decision.accepted()) {
                throw new IllegalStateException("the benchmark contract was rejected: " + decision.reasons());
            }
            awaitLeaders(admin, List.of(STAGING, TOPIC));
        }
    }

    /** The product topic's configs as the provisioner set them, to give the passthrough's output topic the same. */
    Map<String, String> productTopicConfigs() throws Exception {
        return topicConfigs(TOPIC);
    }

    /** The configs set on this topic (not the broker's defaults). */
    Map<String, String> topicConfigs(String name) throws Exception {
        try (Admin admin = Admin.create(clientConfig())) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            Map<String, String> explicit = new HashMap<>();
            for (ConfigEntry entry : config.entries()) {
                if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                    explicit.put(entry.name(), entry.value());
                }
            }
            return explicit;
        }
    }

    /** Creates (or empties by deleting first) these topics with the given configs and waits for their leaders. */
    void recreateTopics(Map<String, String> configs, String... topics) throws Exception {
        try (Admin admin = Admin.create(clientConfig())) {
            Collection<String> existing = admin.listTopics().names().get();
            List<String> stale = List.of(topics).stream().filter(existing::contains).toList();
            if (!stale.isEmpty()) {
                admin.deleteTopics(stale).all().get();
                awaitGone(admin, stale);
            }
            admin.createTopics(List.of(topics).stream().map(t -> new NewTopic(t, PARTITIONS, (short) 1).configs(configs)).toList())
                    .all().get();
            awaitLeaders(admin, List.of(topics));
        }
    }

    /**
     * Sets {@code compression.type} on these topics, and the codec's {@code compression.<type>.level} when given
     * (clearing any other level an earlier table set): a codec or level the producer does not use would have the broker
     * decompress and rewrite every batch, so each compression table gives the output topics the producer's codec.
     */
    void setCompression(String topicCompression, Integer level, String... topics) throws Exception {
        List<AlterConfigOp> ops = new ArrayList<>();
        ops.add(new AlterConfigOp(new ConfigEntry("compression.type", topicCompression), AlterConfigOp.OpType.SET));
        for (String levelConfig : BenchCodec.levelConfigs()) {
            boolean set = level != null && levelConfig.equals(BenchCodec.levelConfig(topicCompression));
            ops.add(set ? new AlterConfigOp(new ConfigEntry(levelConfig, level.toString()), AlterConfigOp.OpType.SET)
                    : new AlterConfigOp(new ConfigEntry(levelConfig, null), AlterConfigOp.OpType.DELETE));
        }
        try (Admin admin = Admin.create(clientConfig())) {
            Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
            for (String topic : topics) {
                changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), ops);
            }
            admin.incrementalAlterConfigs(changes).all().get();
        }
    }

    /** Writes these keyed values to a topic as fast as the producer goes. */
    void fill(String topic, List<String> keys, List<byte[]> values) {
        Map<String, Object> config = new HashMap<>(clientConfig());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(topic, keys.get(i).getBytes(StandardCharsets.UTF_8), values.get(i)));
            }
        }
    }

    private static void awaitGone(Admin admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (admin.listTopics().names().get().stream().anyMatch(topics::contains)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(topics + " still exist 30 s after deleting them");
            }
            Thread.sleep(50);
        }
    }

    // Producing before every partition has a leader makes the producer retry its first batches at length.
    private static void awaitLeaders(Admin admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!leadersElected(admin, topics)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("partitions of " + topics + " have no leader after 60 s");
            }
            Thread.sleep(50);
        }
    }

    private static boolean leadersElected(Admin admin, List<String> topics) throws InterruptedException {
        try {
            return admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .allMatch(topic -> topic.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        } catch (ExecutionException e) {
            return false;
        }
    }

    @Override
    public void close() {
        registry.close();
        kafka.close();
    }
}
