package io.meshbone.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopicPlans;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.platform.health.PartHealth;
import io.meshbone.platform.provisioning.TopicReconciler;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The provisioner on a real broker when Kafka refuses one product's topics: the others go on, the loop lives. */
@ExtendWith(SharedKafka.class)
class ProvisionerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void provisionsTheOtherProductsAndReportsTheOneWhoseTopicCollides(KafkaCluster kafka) throws Exception {
        String evil = TestTopics.unique("evil");
        String good = TestTopics.unique("good");
        String later = TestTopics.unique("later");
        HealthRegistry health = new HealthRegistry();
        try (Admin admin = Admin.create(kafka.clientConfig());
             KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> decisions = decisionsFromEnd(kafka)) {
            new TopicReconciler(admin).reconcile(MeshTopicPlans.internal(1));
            // Kafka refuses a topic whose name equals an existing one once '.' and '_' are treated alike.
            admin.createTopics(List.of(new NewTopic(evil + "_burn_v1", 1, (short) 1))).all().get();
            list(producer, evil + ".burn");
            list(producer, good + ".burn");

            try (Provisioner provisioner = new Provisioner(kafka.clientConfig(), Duration.ofSeconds(30),
                    health.part(Provisioner.PART)).start()) {
                await().atMost(WAIT).untilAsserted(() -> assertThat(admin.listTopics().names().get())
                        .contains(good + ".burn.v1", good + ".burn.v1.staging", good + ".burn.v1.dlq"));

                List<Decision> seen = new ArrayList<>();
                await().atMost(WAIT).untilAsserted(() -> {
                    seen.addAll(poll(decisions));
                    assertThat(seen).filteredOn(d -> d.product().equals(evil + ".burn")).singleElement().satisfies(d -> {
                        assertThat(d.outcome()).isEqualTo(Decision.Outcome.PROVISIONING_FAILED);
                        assertThat(d.version()).isEqualTo("1.0.0");
                        assertThat(d.reasons()).singleElement().asString().startsWith("topics: ").contains(evil + ".burn.v1");
                    });
                });
                assertThat(seen).noneMatch(d -> d.product().equals(good + ".burn"));

                list(producer, later + ".burn");
                await().atMost(WAIT).untilAsserted(() -> assertThat(admin.listTopics().names().get())
                        .contains(later + ".burn.v1", later + ".burn.v1.staging", later + ".burn.v1.dlq"));
                assertThat(health.parts()).singleElement().extracting(PartHealth::state).isEqualTo(PartHealth.State.RUNNING);
            }
        }
    }

    @Test
    void aNewListingReconcilesOnlyTheChangedProductsNotEveryListedOne(KafkaCluster kafka) throws Exception {
        String first = TestTopics.unique("first");
        String second = TestTopics.unique("second");
        ConfigResource firstStaging = new ConfigResource(ConfigResource.Type.TOPIC, first + ".burn.v1.staging");
        try (Admin admin = Admin.create(kafka.clientConfig());
             KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(), new StringSerializer())) {
            new TopicReconciler(admin).reconcile(MeshTopicPlans.internal(1));
            // No resync during the test: every pass after the first is one a change (or a retry) started.
            try (Provisioner provisioner = new Provisioner(kafka.clientConfig(), Duration.ofHours(1)).start()) {
                listAndAwaitTopics(admin, producer, first + ".burn");
                // Passes run one after another: once a later product's topics exist, the pass that made first's is over.
                listAndAwaitTopics(admin, producer, TestTopics.unique("marker") + ".burn");
                admin.incrementalAlterConfigs(Map.of(firstStaging, List.of(new AlterConfigOp(
                        new ConfigEntry("retention.ms", "3600000"), AlterConfigOp.OpType.SET)))).all().get();

                listAndAwaitTopics(admin, producer, second + ".burn");
                listAndAwaitTopics(admin, producer, TestTopics.unique("marker") + ".burn");
                assertThat(retentionMs(admin, firstStaging)).as("the pass for %s left %s alone", second, first).isEqualTo("3600000");

                list(producer, first + ".burn");
                await().atMost(WAIT).untilAsserted(() -> assertThat(retentionMs(admin, firstStaging))
                        .as("a new listing of %s reconciles it", first).isEqualTo(Long.toString(Duration.ofDays(7).toMillis())));
            }
        }
    }

    @Test
    void theResyncRestoresAConfigThatNoListingChanged(KafkaCluster kafka) throws Exception {
        String drifted = TestTopics.unique("drifted");
        ConfigResource staging = new ConfigResource(ConfigResource.Type.TOPIC, drifted + ".burn.v1.staging");
        try (Admin admin = Admin.create(kafka.clientConfig());
             KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(), new StringSerializer())) {
            new TopicReconciler(admin).reconcile(MeshTopicPlans.internal(1));
            // A resync leaves a product alone for an interval after a change reconciled it: time to see the alteration land.
            try (Provisioner provisioner = new Provisioner(kafka.clientConfig(), Duration.ofSeconds(10)).start()) {
                listAndAwaitTopics(admin, producer, drifted + ".burn");
                // Passes run one after another, and other test classes' provisioners may share the broker: once a later
                // product's topics exist, every change pass that reconciled drifted is over.
                listAndAwaitTopics(admin, producer, TestTopics.unique("marker") + ".burn");
                admin.incrementalAlterConfigs(Map.of(staging, List.of(new AlterConfigOp(
                        new ConfigEntry("retention.ms", "3600000"), AlterConfigOp.OpType.SET)))).all().get();
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                        .untilAsserted(() -> assertThat(retentionMs(admin, staging)).isEqualTo("3600000"));

                await().atMost(WAIT).untilAsserted(() -> assertThat(retentionMs(admin, staging))
                        .as("a resync puts back what the contract's plan says").isEqualTo(Long.toString(Duration.ofDays(7).toMillis())));
            }
        }
    }

    private static void listAndAwaitTopics(Admin admin, KafkaProducer<String, String> producer, String name) throws Exception {
        list(producer, name);
        await().atMost(WAIT).untilAsserted(() -> assertThat(admin.listTopics().names().get())
                .contains(name + ".v1", name + ".v1.staging", name + ".v1.dlq"));
    }

    private static String retentionMs(Admin admin, ConfigResource topic) throws Exception {
        return admin.describeConfigs(List.of(topic)).all().get().get(topic).get("retention.ms").value();
    }

    private static void list(KafkaProducer<String, String> producer, String name) throws Exception {
        String domain = name.substring(0, name.indexOf('.'));
        ListedProduct listing = new ListedProduct(name, domain + "/burn.product.yaml", descriptor(domain),
                Map.of("burn.avsc", BURN_AVSC), 1, null, "req-" + UUID.randomUUID(), "User:test", Instant.now(), false);
        producer.send(new ProducerRecord<>(MeshTopics.PRODUCTS, name, MeshJson.write(listing))).get();
    }

    private static KafkaConsumer<String, String> decisionsFromEnd(KafkaCluster kafka) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            new TopicReconciler(admin).reconcile(MeshTopicPlans.internal(1));
        }
        List<TopicPartition> partitions = consumer.partitionsFor(MeshTopics.DECISIONS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static List<Decision> poll(KafkaConsumer<String, String> consumer) throws Exception {
        List<Decision> decisions = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            decisions.add(MeshJson.read(record.value(), Decision.class));
        }
        return decisions;
    }

    private static final String BURN_AVSC = """
            {"type": "record", "name": "Burn", "namespace": "test.burn",
             "fields": [{"name": "burnId", "type": "string", "doc": "Burn id."}]}""";

    private static String descriptor(String domain) {
        return """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata:
                  name: burn
                  domain: %s
                  owner: team@example.com
                  description: Burns.
                spec:
                  version: 1.0.0
                  type: event
                  key: {field: burnId}
                  value: {schema: burn.avsc}
                  compatibility: BACKWARD
                  classification: internal
                  partitions: 1
                  retention: 1d
                """.formatted(domain);
    }
}
